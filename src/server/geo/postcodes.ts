// Postcode → coordinates from the GeoNames centroid tables in resources/postcodes (CC BY 4.0).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const GEONAMES_ATTRIBUTION = 'Postcode coordinates © GeoNames (geonames.org), CC BY 4.0';

export type PostcodePoint = { country: 'NL' | 'BE'; postcode: string; lat: number; lon: number; place: string; province: string };

let tables: Map<string, PostcodePoint> | undefined;

function load(): Map<string, PostcodePoint> {
  const map = new Map<string, PostcodePoint>();
  const read = (file: string, country: 'NL' | 'BE', provinceColumn: number) => {
    const text = readFileSync(fileURLToPath(new URL(`../../../resources/postcodes/${file}`, import.meta.url)), 'utf8');
    for (const line of text.split(/\r?\n/).slice(1)) {
      if (!line.trim()) continue;
      const cols = line.split(',');
      const [code, lat, lon, place] = cols;
      if (!code || !lat || !lon) continue;
      map.set(`${country}:${code}`, { country, postcode: code, lat: Number(lat), lon: Number(lon), place: place ?? '', province: cols[provinceColumn] ?? '' });
    }
  };
  read('nl_pc4_centroids.csv', 'NL', 7);
  read('be_postcode_centroids.csv', 'BE', 6);
  return map;
}

/** Normalises "3584 CX", "3584cx" or "3584" to the 4-digit key both tables use. */
export function postcodeKey(postcode: string): string {
  return postcode.replace(/\s+/g, '').slice(0, 4);
}

export function lookupPostcode(postcode: string, country?: 'NL' | 'BE'): PostcodePoint | undefined {
  tables ??= load();
  const key = postcodeKey(postcode);
  if (country) return tables.get(`${country}:${key}`);
  // A 6-character postcode with letters is Dutch; four digits alone may be either country.
  return tables.get(`NL:${key}`) ?? tables.get(`BE:${key}`);
}

export function allPostcodes(country: 'NL' | 'BE', province?: string): PostcodePoint[] {
  tables ??= load();
  return [...tables.values()].filter((p) => p.country === country && (province === undefined || p.province === province));
}

/** Great-circle distance in km (haversine, Earth radius 6371.0 km), as the planning spec defines it. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
}
