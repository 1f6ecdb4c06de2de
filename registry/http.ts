// Small HTTP helpers shared by the route files (the same ones a LAN hub uses: node-shared/http-errors.ts).
export { HttpError, check, errorJson, jsonBody } from '../node-shared/http-errors';
