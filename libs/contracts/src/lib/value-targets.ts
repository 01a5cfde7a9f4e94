/** `PUT /api/values/:key/target`: a value's new target for the organisation, in force from now. */
export interface SetValueTargetRequest {
  /** 1-10, one decimal. */
  targetGrade: number;
}

/** One entry of a value's target history (`GET /api/values/:key/targets`, newest first). */
export interface ValueTargetChange {
  valueKey: string;
  targetGrade: number;
  /** From when the target holds (ISO); a period's status uses the target in force at its end. */
  validFrom: string;
  /** `target` changed on its own; `version` came with publishing a values version. */
  source: 'target' | 'version';
  setByName: string | null;
}
