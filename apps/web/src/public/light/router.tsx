/**
 * The few react-router pieces the public pages use, for their light build only (vite.public.mts
 * aliases `react-router` here): one page per load, so every navigation is a full page load, which the
 * server answers with the right entry (the dashboard for everything but the public pages).
 * The dashboard and the unit tests use the real react-router.
 */
import {
  Children,
  createContext,
  isValidElement,
  useContext,
  useEffect,
  useState,
  type AnchorHTMLAttributes,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react';

type Params = Record<string, string | undefined>;
const ParamsContext = createContext<Params>({});

/** `/r/:token` against a pathname: its params, or null when it does not match. */
function matchPath(pattern: string, pathname: string): Params | null {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${source}/?$`).exec(pathname);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
}

interface RouteProps {
  path: string;
  element: ReactNode;
}

export function Route(_: RouteProps): ReactElement | null {
  return null; // read by Routes
}

function flatten(children: ReactNode): RouteProps[] {
  const routes: RouteProps[] = [];
  Children.forEach(children, (child) => {
    if (!isValidElement(child)) return;
    const props = child.props as RouteProps & { children?: ReactNode };
    if (child.type === Route) routes.push(props);
    else routes.push(...flatten(props.children));
  });
  return routes;
}

/** The first route whose path matches (`*` matches anything). */
export function Routes({ children }: { children: ReactNode }) {
  const pathname = window.location.pathname;
  for (const route of flatten(children)) {
    const params = route.path === '*' ? {} : matchPath(route.path, pathname);
    if (params) return <ParamsContext.Provider value={params}>{route.element}</ParamsContext.Provider>;
  }
  return null;
}

export function BrowserRouter({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

export function useParams(): Params {
  return useContext(ParamsContext);
}

type SearchUpdate = URLSearchParams | ((old: URLSearchParams) => URLSearchParams);

/** The query string; setting it replaces the history entry (no reload), as the answer page's ?lang= does. */
export function useSearchParams(): [
  URLSearchParams,
  (next: SearchUpdate, options?: { replace?: boolean }) => void,
] {
  const [search, setSearch] = useState(() => new URLSearchParams(window.location.search));
  useEffect(() => {
    const onPop = () => setSearch(new URLSearchParams(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const set = (next: SearchUpdate, options?: { replace?: boolean }) => {
    const params = typeof next === 'function' ? next(new URLSearchParams(window.location.search)) : next;
    const query = params.toString();
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (options?.replace) window.history.replaceState(window.history.state, '', url);
    else window.history.pushState(null, '', url);
    setSearch(new URLSearchParams(params));
  };
  return [search, set];
}

/** Another page: a full load. */
export function Navigate({ to, replace = false }: { to: string; replace?: boolean }) {
  useEffect(() => {
    if (replace) window.location.replace(to);
    else window.location.assign(to);
  }, [to, replace]);
  return null;
}

export function useNavigate(): (to: string, options?: { replace?: boolean }) => void {
  return (to, options) => (options?.replace ? window.location.replace(to) : window.location.assign(to));
}

/** A plain link: the browser loads the page. */
export function Link({
  to,
  ref,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; ref?: Ref<HTMLAnchorElement> }) {
  return <a href={to} ref={ref} {...rest} />;
}
