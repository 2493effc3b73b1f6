// Row orders of the sheets the product rewrites: stable, so a sheet compares equal from one write to the next.

/** By these text fields in turn, by code unit (the same in every locale). */
export function byText<R extends Record<K, string>, K extends keyof R & string>(...keys: K[]): (a: R, b: R) => number {
  return (a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const x = a[keys[i]];
      const y = b[keys[i]];
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
