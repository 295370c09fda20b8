// Builds the _search bodies the page sends to the gateway. Pure functions: no DOM, no fetch.

export const PAGE_SIZE = 60;

/** The filter clauses shared by the result query and the facet counts. */
export function filterClauses(state) {
  const filter = [];
  if (state.geo?.type === 'box') {
    filter.push({ geo_bounding_box: { gps: {
      top_left: { lat: state.geo.top, lon: state.geo.left },
      bottom_right: { lat: state.geo.bottom, lon: state.geo.right },
    } } });
  } else if (state.geo?.type === 'circle') {
    filter.push({ geo_distance: { distance: `${state.geo.km.toFixed(2)}km`, gps: { lat: state.geo.lat, lon: state.geo.lon } } });
  }
  if (state.from || state.to) {
    // local_date is the photo's own calendar day (the day its tile shows), not the UTC day.
    const range = {};
    if (state.from) range.gte = state.from;
    if (state.to) range.lte = state.to;
    filter.push({ range: { local_date: range } });
  }
  return filter;
}

/** The eight sides of a peak a photo can be taken from: compass sectors of the bearing from the summit to the camera. */
export const SIDES = {
  N: [337.5, 22.5], NE: [22.5, 67.5], E: [67.5, 112.5], SE: [112.5, 157.5],
  S: [157.5, 202.5], SW: [202.5, 247.5], W: [247.5, 292.5], NW: [292.5, 337.5],
};

/** The gateway's peak_in_frame viewpoint filter: the peak, at most max_km away, seen from one side (a wrapping range through north is fine). */
export function viewpointClause(viewpoint) {
  const clause = { id: viewpoint.id };
  if (viewpoint.maxKm > 0) clause.max_km = viewpoint.maxKm;
  if (SIDES[viewpoint.side]) clause.from_bearing = SIDES[viewpoint.side];
  return clause;
}

/**
 * The search body: query_text / query_image at the root (the gateway turns it into a kNN with the filters
 * moved into knn.filter), the viewpoint as the gateway's peak_in_frame, the peak selection as a post_filter so the
 * facet keeps counting every peak.
 */
export function searchBody(state) {
  const body = {
    size: PAGE_SIZE,
    _source: { excludes: ['clip_image'] },
    query: { bool: { filter: filterClauses(state) } },
    aggs: { peaks: { terms: { field: 'predicted_peaks', size: 100 } } },
  };
  if (state.text) {
    body.query_text = state.text;
  } else if (state.image) {
    body.query_image = { base64: state.image.base64, mode: state.imageMode };
  } else if (state.similarTo) {
    body.query_image = { photo_id: state.similarTo.id, mode: 'similar' };
  }
  if (state.viewpoint?.id) {
    body.peak_in_frame = viewpointClause(state.viewpoint);
  }
  if (state.peaks.size > 0) {
    body.post_filter = { terms: { predicted_peaks: [...state.peaks] } };
  }
  const hasVector = Boolean(body.query_text || body.query_image);
  if (state.sort === 'newest' || (!hasVector && state.sort === 'relevance')) {
    body.sort = [{ shot_time: { order: 'desc', unmapped_type: 'date' } }];
  } else if (state.sort === 'oldest') {
    body.sort = [{ shot_time: { order: 'asc', unmapped_type: 'date' } }];
  }
  return body;
}

/** Every photo with a position, oldest first: the map's points and the trek line. */
export function mapPointsBody() {
  return {
    size: 5000,
    _source: ['gps', 'shot_time'],
    query: { exists: { field: 'gps' } },
    sort: [{ shot_time: { order: 'asc', unmapped_type: 'date' } }],
  };
}

/** Every catalog peak, without its vector. */
export function catalogBody() {
  return { size: 1000, _source: ['id', 'display_name', 'names', 'latlon', 'elev_m', 'album_references', 'album_negatives'], query: { match_all: {} } };
}
