import { sql, type SQL } from 'drizzle-orm';

/** The engine's haversine (`solver/regional/geo.ts`, radius 6371 km) in SQL, from a home to a fixed point, in km. */
export function haversineSql(homeLat: SQL, homeLon: SQL, lat: number, lon: number): SQL<number> {
  return sql<number>`(2 * 6371.0::float8 * asin(least(1::float8, sqrt(power(sin(radians(${homeLat} - ${lat}::float8) / 2), 2) + cos(radians(${lat}::float8)) * cos(radians(${homeLat})) * power(sin(radians(${homeLon} - ${lon}::float8) / 2), 2)))))`;
}
