// Reads the shipped rule files.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { ruleFiles } from "./paths.js";

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

export interface RuleFile {
  path: string;
  groups: RuleGroup[];
}

export function loadRuleFiles(): RuleFile[] {
  return ruleFiles().map((path) => ({ path, groups: (parse(readFileSync(path, "utf8")) as { groups: RuleGroup[] }).groups }));
}

export function allRules(files = loadRuleFiles()): Rule[] {
  return files.flatMap((f) => f.groups.flatMap((g) => g.rules));
}
