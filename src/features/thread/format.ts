const NUMBER = new Intl.NumberFormat('en-US');
const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const count = (n: number) => NUMBER.format(n);

/** 1,234 below 10k, then 12.3K, 4.5M. */
export const shortCount = (n: number) => (n < 10_000 ? NUMBER.format(n) : COMPACT.format(n));

export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;
