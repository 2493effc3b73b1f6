// Row orders of the sheets the product rewrites: stable, so a sheet compares equal from one write to the next.

/** By these text fields in turn, by code unit (the same in every locale). */
export function byText<R>(...keys: (keyof R & string)[]): (a: R, b: R) => number {
  return (a, b) => {
    for (const k of keys) {
      const x = String(a[k]);
      const y = String(b[k]);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  };
}
