// Validates rendered Kubernetes objects (a JSON array in the file named by the first argument) against schemas:
// core kinds with kubernetes-models (the Kubernetes OpenAPI schemas), KEDA, Prometheus-operator and CloudNativePG kinds
// with their CRD models (@kubernetes-models/keda, /prometheus-operator, /cloudnative-pg: validators compiled from the
// operators' CRD schemas: types, enums, required fields). CRD schemas allow unknown fields (the API server prunes
// them silently), so CloudNativePG kinds are also held to cnpg-schema.json, the fields these manifests use with
// unknown fields refused: a misspelt backup or storage field would otherwise vanish on apply. The Keycloak operator's
// kinds (Keycloak, KeycloakRealmImport) have no model package: keycloak-schema.json is their whole check. Strimzi kinds are
// checked in Java (io.strimzi:api), not here. Prints one line per object, "ok kind/name" or "error kind/name: ...",
// and exits 1 if any failed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const objects = JSON.parse(readFileSync(process.argv[2], "utf8"));
const cnpgSchemas = JSON.parse(readFileSync(join(here, "cnpg-schema.json"), "utf8"));
const keycloakSchemas = JSON.parse(readFileSync(join(here, "keycloak-schema.json"), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });

const modules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "batch/v1": "kubernetes-models/batch/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
};

let failed = 0;
for (const obj of objects) {
  const id = `${obj.kind}/${obj.metadata?.name}`;
  try {
    if (obj.apiVersion.startsWith("kafka.strimzi.io/")) {
      console.log(`skip ${id} (checked with io.strimzi:api)`);
      continue;
    }
    if (obj.apiVersion === "postgresql.cnpg.io/v1") {
      const schema = cnpgSchemas[obj.kind];
      if (!schema) throw new Error(`no field list for ${obj.apiVersion} ${obj.kind} in cnpg-schema.json`);
      const validate = ajv.compile(schema);
      if (!validate(obj)) throw new Error(ajv.errorsText(validate.errors, { separator: "; " }));
    }
    if (obj.apiVersion === "k8s.keycloak.org/v2alpha1") {
      // No CRD model package exists for the Keycloak operator: its kinds are held to keycloak-schema.json alone.
      const schema = keycloakSchemas[obj.kind];
      if (!schema) throw new Error(`no field list for ${obj.apiVersion} ${obj.kind} in keycloak-schema.json`);
      const validate = ajv.compile(schema);
      if (!validate(obj)) throw new Error(ajv.errorsText(validate.errors, { separator: "; " }));
      console.log(`ok ${id}`);
      continue;
    }
    const path = modules[obj.apiVersion];
    if (!path) throw new Error(`no schema module for ${obj.apiVersion}`);
    const mod = await import(`${path}/${obj.kind}`);
    const Model = mod[obj.kind] ?? mod.default;
    new Model(obj).validate();
    console.log(`ok ${id}`);
  } catch (e) {
    failed++;
    console.log(`error ${id}: ${String(e.message ?? e).replace(/\s+/g, " ")}`);
  }
}
process.exit(failed ? 1 : 0);
