/** Utility metrics: train-synthetic-test-real against train-real-test-real, and augmentation gain. */
export { AUGMENTATION_THRESHOLDS, augmentationGain, type AugmentationDetails } from "./augmentation-gain.js";
export { TSTR_THRESHOLDS, tstrUtility, type ScoreWithInterval, type TstrDetails } from "./tstr.js";
export { fitAndPredict, prepareTask, scorePrediction, type PreparedTask, type Prediction, type TaskScores, type UtilityInput, type UtilityOptions } from "./utility-task.js";
