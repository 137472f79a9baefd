/**
 * Calibration per model version: the reviewed answers each version's
 * proposals got, by confidence band, before and after calibration, and the
 * calibration maps the what-if uses.
 */
import type { ModelCalibration } from '../../../node-types/api/learning.js'
import type { CaseRecord } from '../case-record.js'
import { feedbackOfCase } from '../feedback.js'
import { calibrationError } from '../loop/model-figures.js'
import { calibrationBands } from '../metrics/stats.js'
import { calibrate, fitCalibration, type CalibrationMap } from './calibration-map.js'

type Point = { confidence: number; correct: boolean }

function pointsByModel(cases: readonly CaseRecord[]): Map<string, Point[]> {
  const byModel = new Map<string, Point[]>()
  for (const c of cases) {
    for (const record of feedbackOfCase(c)) {
      if (record.confidence === null || !record.modelVersion) continue
      const points = byModel.get(record.modelVersion) ?? byModel.set(record.modelVersion, []).get(record.modelVersion)!
      points.push({ confidence: record.confidence, correct: !record.overridden })
    }
  }
  return byModel
}

/** A calibration map per model version, fitted on every reviewed answer its proposals got. */
export function calibrationMaps(cases: readonly CaseRecord[]): Map<string, CalibrationMap> {
  const maps = new Map<string, CalibrationMap>()
  for (const [version, points] of pointsByModel(cases)) maps.set(version, fitCalibration(points))
  return maps
}

/**
 * @example
 * modelCalibrations(cases) // → [{ modelVersion: 'nb-…', answers: 120, calibrationError: 0.18, calibratedError: 0.05, bands, calibratedBands }]
 */
export function modelCalibrations(cases: readonly CaseRecord[]): ModelCalibration[] {
  return [...pointsByModel(cases)].map(([modelVersion, points]) => {
    const map = fitCalibration(points)
    const calibrated = points.map((p) => ({ confidence: calibrate(map, p.confidence), correct: p.correct }))
    return {
      modelVersion,
      answers: points.length,
      calibrationError: calibrationError(points),
      calibratedError: calibrationError(calibrated),
      bands: calibrationBands(points),
      calibratedBands: calibrationBands(calibrated),
    }
  })
}
