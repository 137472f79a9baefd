/** Shapes of the learning-loop API (parameters, what-if, metrics, retrain): re-exported from their one declaration in node-types/api. */
export type { CalibrationBand, DurationSummary, FlowMetrics, MetricsSummary, ModelCalibration, RetrainResult, Scenario, ScenarioResult, WhatIfResult } from '../../../node-types/api/learning'
export type { FlowParameters, ParameterDefinition, ParameterStatus, ParameterVersion, ParamValue } from '../../../node-types/api/parameters'
