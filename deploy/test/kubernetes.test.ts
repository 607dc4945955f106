// The Kubernetes manifests: parsed as YAML, validated against the Kubernetes and
// prometheus-operator schemas (kubernetes-models), cross-checked (selectors, port names, probe
// paths, the config in the ConfigMap), and the PrometheusRule equal to the rule files.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig } from "@minimo/exporter";
import { PrometheusRule, ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { ConfigMap, Secret, Service } from "kubernetes-models/v1";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { OUTPUT, render, ruleGroups } from "../scripts/prometheus-rule.js";
import { DEPLOY, read, yamlDocs } from "./support.js";

// biome-ignore lint/suspicious/noExplicitAny: each model's constructor takes its own manifest type; the YAML is untyped
const MODELS: Record<string, new (data: any) => { validate(): void }> = { Deployment, Service, ConfigMap, Secret, ServiceMonitor, PrometheusRule, PodDisruptionBudget };
const kustomization = yamlDocs("kubernetes/kustomization.yaml")[0]!;
const resources = (kustomization.resources as string[]).concat(["secret.example.yaml"]);
const manifests = Object.fromEntries(resources.map((file) => [file, yamlDocs(`kubernetes/${file}`)]));
const byKind = (kind: string) =>
  Object.values(manifests)
    .flat()
    .filter((m) => m.kind === kind);
const one = (kind: string) => {
  const found = byKind(kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};

describe("deploy/kubernetes", () => {
  it.each(resources)("%s is valid against its kind's schema", (file) => {
    expect(existsSync(join(DEPLOY, "kubernetes", file))).toBe(true);
    for (const manifest of manifests[file]!) {
      const Model = MODELS[manifest.kind];
      expect(Model, `no model for ${manifest.kind}`).toBeDefined();
      expect(() => new Model!(manifest).validate()).not.toThrow();
    }
  });

  it("the schema check catches a wrong field type (the validator is live)", () => {
    const broken = structuredClone(one("Deployment"));
    broken.spec.replicas = "one";
    expect(() => new Deployment(broken).validate()).toThrow(/replicas/);
  });

  it("the Deployment probes /healthz and /readyz on a named container port, runs non-root, read-only", () => {
    const pod = one("Deployment").spec.template.spec;
    const container = pod.containers[0];
    const portNames = container.ports.map((p: { name: string }) => p.name);
    expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "metrics" });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "metrics" });
    expect(portNames).toEqual(expect.arrayContaining(["metrics", "gateway"]));
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
    // The exporter exits 1 after an uncaught exception, trusting its pod to be restarted.
    expect(pod.restartPolicy ?? "Always").toBe("Always");
  });

  it("the Service selects the pods and targets their named ports; the ServiceMonitor selects the Service's metrics port", () => {
    const deployment = one("Deployment");
    const service = one("Service");
    const monitor = one("ServiceMonitor");
    const podLabels = deployment.spec.template.metadata.labels;
    expect(deployment.spec.selector.matchLabels).toEqual(expect.objectContaining(podLabels));
    for (const [k, v] of Object.entries(service.spec.selector)) expect(podLabels[k]).toBe(v);
    const containerPorts = deployment.spec.template.spec.containers[0].ports.map((p: { name: string }) => p.name);
    for (const port of service.spec.ports) expect(containerPorts).toContain(port.targetPort);
    for (const [k, v] of Object.entries(monitor.spec.selector.matchLabels)) expect(service.metadata.labels[k]).toBe(v);
    expect(service.spec.ports.map((p: { name: string }) => p.name)).toContain(monitor.spec.endpoints[0].port);
    expect(monitor.spec.endpoints[0].path).toBe("/metrics");
  });

  it("the ConfigMap holds a valid exporter config whose key files are the Secret's mounted entries", () => {
    const deployment = one("Deployment");
    const mounts = deployment.spec.template.spec.containers[0].volumeMounts as { name: string; mountPath: string }[];
    const keysMount = mounts.find((m) => m.name === "keys")!.mountPath;
    const configMount = mounts.find((m) => m.name === "config")!.mountPath;
    expect(deployment.spec.template.spec.containers[0].args).toEqual(["--config", `${configMount}/exporter.yaml`]);
    const raw = parse(one("ConfigMap").data["exporter.yaml"]) as { keys: { name: string; key_file: string }[] };
    const secretKeys = Object.keys(one("Secret").stringData);
    const dir = mkdtempSync(join(tmpdir(), "deploy-k8s-"));
    for (const key of raw.keys) {
      expect(key.key_file).toBe(`${keysMount}/${key.name}`);
      expect(secretKeys).toContain(key.name);
      writeFileSync(join(dir, key.name), "mn-kube01-FAKEkubernetesKey00000\n");
      key.key_file = join(dir, key.name);
    }
    expect(parseConfig(raw, {}).keys).toHaveLength(raw.keys.length);
  });

  it("the PrometheusRule holds exactly the groups of observability/prometheus/rules/*.yml, and is not stale", () => {
    const rule = one("PrometheusRule");
    expect(rule.spec.groups).toEqual(ruleGroups());
    expect(rule.spec.groups.length).toBeGreaterThan(0);
    expect(read("kubernetes/generated/prometheusrule.yaml")).toBe(render(ruleGroups()));
    expect(OUTPUT).toBe(join(DEPLOY, "kubernetes", "generated", "prometheusrule.yaml"));
  });
});

describe("deploy/kubernetes: several replicas", () => {
  const deployment = yamlDocs("kubernetes/deployment.yaml")[0]!;
  const pdb = yamlDocs("kubernetes/poddisruptionbudget.yaml")[0]!;

  it("runs two replicas spread over nodes and zones, with a PodDisruptionBudget selecting them", () => {
    expect(deployment.spec.replicas).toBe(2);
    const spread = deployment.spec.template.spec.topologySpreadConstraints as { topologyKey: string; labelSelector: { matchLabels: object } }[];
    expect(spread.map((c) => c.topologyKey)).toEqual(["kubernetes.io/hostname", "topology.kubernetes.io/zone"]);
    for (const c of spread) expect(c.labelSelector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);
    expect(pdb.spec.minAvailable).toBe(1);
  });

  it("the ha overlay adds one Redis and a config that points at its Service and parses", () => {
    const overlay = yamlDocs("kubernetes/overlays/ha/kustomization.yaml")[0]!;
    expect(overlay.resources).toEqual(["../../", "redis.yaml"]);
    const redis = yamlDocs("kubernetes/overlays/ha/redis.yaml");
    for (const m of redis) expect(() => new MODELS[m.kind]!(m).validate()).not.toThrow();
    const service = redis.find((m) => m.kind === "Service")!;
    const raw = parse(yamlDocs("kubernetes/overlays/ha/configmap-redis.yaml")[0]!.data["exporter.yaml"]) as { state: { redis_url: string }; keys: { key_file: string }[] };
    expect(raw.state.redis_url).toBe(`redis://${service.metadata.name}:${service.spec.ports[0].port}`);
    const dir = mkdtempSync(join(tmpdir(), "deploy-k8s-ha-"));
    for (const key of raw.keys) {
      key.key_file = join(dir, "k");
      writeFileSync(key.key_file, "mn-kube01-FAKEkubernetesKey00000\n");
    }
    expect(parseConfig(raw, {}).state?.redis?.url).toBe(raw.state.redis_url);
  });
});
