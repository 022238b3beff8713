/** An enumeration declared once as its Chinese labels: `values` for validation, `labels` for display. */
export function labelled<const T extends Record<string, string>>(labels: T) {
  const values = Object.keys(labels) as (keyof T & string)[];
  return { values: values as [keyof T & string, ...(keyof T & string)[]], labels };
}
