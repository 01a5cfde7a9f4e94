/**
 * The journey and touchpoint a row points at (either may be unset), with their NL and EN names,
 * as a join with `customer_journeys` and `journey_touchpoints` reads them.
 */
export interface JourneyTouchpointColumns {
  journey_id: string | null;
  journey_name: string | null;
  journey_name_en: string | null;
  touchpoint_id: string | null;
  touchpoint_name: string | null;
  touchpoint_name_en: string | null;
}
