/** GeoJSON pieces for boundary tests. */

/** The rings of a square polygon `d` degrees wide, its south-west corner at lon, lat (closed). */
export const square = (lon: number, lat: number, d = 0.01) => [
  [
    [lon, lat],
    [lon + d, lat],
    [lon + d, lat + d],
    [lon, lat + d],
    [lon, lat],
  ],
];
