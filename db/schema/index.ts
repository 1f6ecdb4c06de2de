// All station tables. Each area keeps its tables in its own file; add a line here.
export * from './station';
export * from './occupancy';
