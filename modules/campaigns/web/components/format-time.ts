import dayjs from 'dayjs';

/** A server time as the console shows it (local time, minutes), or — when there is none. */
export const formatTime = (at: string | null | undefined): string => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');
