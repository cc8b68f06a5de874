/** Pages anyone may open without signing in live under this prefix (the modules' `publicRoutes`). */
export const PUBLIC_PREFIX = '/public/';

export const isPublicPath = (pathname: string): boolean => pathname.startsWith(PUBLIC_PREFIX);
