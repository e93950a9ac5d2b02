/** A small hand-made model for the model tests: format fields filled in, weights given as plain numbers. */
import { MODEL_FORMAT, type LinearModel } from '@/lib/rules/model/schema';

/** int8 weights as the model file stores them (base64). */
export const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes.map((b) => b & 0xff)));

/** A two-feature model: "tien_ao" (crypto) pushes scam up; "ho_tro" (help) pushes it down. */
export function tinyModel(over: Partial<LinearModel> = {}): LinearModel {
  return {
    format: MODEL_FORMAT,
    schema: 1,
    version: 'test',
    threshold: 0.5,
    trainedOn: [],
    features: 'ho_tro tien_ao',
    categories: { scam: { bias: -3, scale: 0.05, weights: b64([-100, 127]) } },
    ...over,
  };
}
