export * from "./rdp-accountant.js";
export * from "./dp-sgd.js";
