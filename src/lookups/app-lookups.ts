// Lookups that ESCU detections use but that ship with other Splunk apps, so a missing one can say where it comes from.

const APP_LOOKUPS: ReadonlyArray<[RegExp, string]> = [
  [/^(identity_lookup_expanded|asset_lookup_by_(str|cidr)|interesting_ports_lookup|alexa_lookup_by_str)$/, 'Splunk Enterprise Security'],
  [/^ut_/, 'URL Toolbox'],
  [/^cim_/, 'the Splunk Common Information Model add-on'],
];

/** The app that provides a lookup of this name, when known. */
export function appProviding(name: string): string | undefined {
  return APP_LOOKUPS.find(([pattern]) => pattern.test(name))?.[1];
}
