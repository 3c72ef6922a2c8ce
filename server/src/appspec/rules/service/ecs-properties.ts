import { isTemplated } from '../../placeholders';
import type { ServiceModel, ServiceResource } from '../../model';
import { asMap, asSeq, fieldIgnoringCase, fieldMap, items, scalarValue, type Field } from '../../yaml-nodes';
import { serviceRule, type RuleContext } from '../rule';

type Report = RuleContext<ServiceModel>['report'];

const AWSVPC_KEYS = ['Subnets', 'SecurityGroups', 'AssignPublicIp'];

function propertiesField(resource: ServiceResource, name: string): Field | undefined {
  const properties = asMap(resource.properties?.value);
  return properties ? fieldIgnoringCase(properties, name) : undefined;
}

/** A number the strategy sets, also written as a string; NaN for a placeholder (unknown until rendered). */
function numberOf(field: Field | undefined): number | undefined {
  const value = scalarValue(field?.value);
  if (typeof value === 'number') return value;
  if (isTemplated(value)) return Number.NaN;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** ECS-8: the documentation requires the awsvpc settings as a whole (all three, or none to keep the service's). */
function checkNetwork(resource: ServiceResource, report: Report): void {
  const network = asMap(propertiesField(resource, 'NetworkConfiguration')?.value);
  const awsvpc = network ? fieldIgnoringCase(network, 'AwsvpcConfiguration') : undefined;
  const settings = asMap(awsvpc?.value);
  if (!awsvpc || !settings) return;
  const present = fieldMap(settings);
  const missing = AWSVPC_KEYS.filter((key) => !present.has(key));
  if (missing.length === 0) return;
  report(
    'incomplete-network-configuration',
    awsvpc.key,
    `\`AwsvpcConfiguration\` needs Subnets, SecurityGroups and AssignPublicIp together; missing ${missing.join(', ')}. Give all three, or leave NetworkConfiguration out to keep the service's current settings.`,
    { missingKey: missing[0] },
  );
}

/** ECS-9: ECS rejects a strategy where several providers set Base, or several providers all weigh 0. */
function checkCapacityProviders(resource: ServiceResource, report: Report): void {
  const strategy = propertiesField(resource, 'CapacityProviderStrategy');
  const list = asSeq(strategy?.value);
  if (!strategy || !list) return;
  const providers = items(list).map((item) => asMap(item)).filter((item) => item !== undefined).map((item) => fieldMap(item));
  // A placeholder may render to 0 or to nothing, so only real non-zero numbers count as a set Base.
  const bases = providers.map((provider) => provider.get('Base')).filter((base): base is Field => {
    const value = numberOf(base);
    return value !== undefined && value !== 0 && !Number.isNaN(value);
  });
  for (const base of bases.slice(1)) {
    report('invalid-capacity-provider-strategy', base.key, 'Only one capacity provider of a strategy may set `Base`; ECS rejects the strategy otherwise.');
  }
  // A placeholder Weight (NaN) may render above 0, so it never makes the strategy all-zero.
  if (providers.length > 1 && providers.every((provider) => (numberOf(provider.get('Weight')) ?? 0) === 0)) {
    report('invalid-capacity-provider-strategy', strategy.key, 'With several capacity providers at least one needs a `Weight` above 0 (Weight defaults to 0); ECS rejects the strategy otherwise.');
  }
}

/** ECS-8, ECS-9: the ECS properties whose rules span several keys (single values are in the schema). */
export const ecsProperties = serviceRule('ecs-properties', ['ecs'], ({ model, report }) => {
  for (const resource of model.resources) {
    checkNetwork(resource, report);
    checkCapacityProviders(resource, report);
  }
});
