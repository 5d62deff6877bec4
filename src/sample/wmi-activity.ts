// Templates for WMI-Activity/Operational events 5857-5861, with the messages Windows writes for them.
import { envelope, WMI_CHANNEL, type EventContext, type GeneratedEvent } from './envelope.js';
import type { Account } from './hosts.js';
import { BUILTIN_ADMINISTRATORS_SID_BYTES, bindingMessage, sidBytes, type WmiSubscription } from './wmi-subscriptions.js';

const PROVIDERS: ReadonlyArray<readonly [string, string]> = [
  ['WMI Kernel Trace Event Provider', 'C:\\Windows\\System32\\wbem\\krnlprov.dll'],
  ['WmiPerfInst', 'C:\\Windows\\System32\\wbem\\WmiPerfInst.dll'],
  ['CIMWin32', 'C:\\Windows\\System32\\wbem\\cimwin32.dll'],
  ['MS_NT_EVENTLOG_PROVIDER', 'C:\\Windows\\System32\\wbem\\ntevt.dll'],
  ['SCM Event Provider', 'C:\\Windows\\System32\\wbem\\scmprov.dll'],
  ['Win32_WIN32_TSLOGONSESSION_Prov', 'C:\\Windows\\System32\\wbem\\Win32_Tpm.dll'],
  ['MSVDS__PROVIDER', 'C:\\Windows\\System32\\wbem\\vdswmi.dll'],
];
const FAILED_OPERATIONS = [
  'Start IWbemServices::ExecQuery - root\\cimv2 : SELECT * FROM Win32_Service WHERE Name = \'WinDefend\'',
  'Start IWbemServices::ExecNotificationQuery - ROOT\\CIMV2 : SELECT * FROM Win32_ProcessStartTrace WHERE ProcessName = \'wsmprovhost.exe\'',
  'Start IWbemServices::GetObject - root\\StandardCimv2 : MSFT_NetAdapter.CreationClassName="MSFT_NetAdapter"',
  'Start IWbemServices::ExecQuery - ROOT\\Microsoft\\Windows\\Defender : SELECT * FROM MSFT_MpComputerStatus',
  'Start IWbemServices::ExecMethod - root\\cimv2 : Win32_TSGatewayResourceAuthorizationPolicy::Enable',
];
const RESULT_CODES = ['0x80041032', '0x80041002', '0x80041010', '0x8004100C'];
const TEMPORARY_QUERIES = [
  "SELECT * FROM Win32_ProcessStartTrace WHERE ProcessName = 'wsmprovhost.exe'",
  "SELECT * FROM __InstanceOperationEvent WITHIN 5 WHERE TargetInstance ISA 'Win32_Service'",
  'SELECT * FROM Win32_VolumeChangeEvent',
  "SELECT * FROM __InstanceModificationEvent WITHIN 10 WHERE TargetInstance ISA 'Win32_Battery'",
  'SELECT * FROM MSFT_NetAdapterStateChange',
];

/** Rendered binding messages, keyed by consumer name and creator SID: each is built once. */
const bindingMessages = new Map<string, string>();

function creatorSidBytes(subscription: WmiSubscription, creator: Account): string {
  return subscription.builtIn ? BUILTIN_ADMINISTRATORS_SID_BYTES : sidBytes(creator.sid);
}

function clientPid(ctx: EventContext): number {
  return 4 * ctx.prng.between(200, 4000);
}

/** 5857: a WMI provider was loaded into a host process. */
export function providerStarted(ctx: EventContext): GeneratedEvent {
  const [provider, path] = ctx.prng.pick(PROVIDERS);
  const message = `${provider} provider started with result code 0x0. HostProcess = wmiprvse.exe; ProcessID = ${clientPid(ctx)}; ProviderPath = ${path}`;
  return envelope(ctx, WMI_CHANNEL, { eventCode: 5857, taskCategory: 'None', message }, {});
}

/** 5858: a WMI client operation failed. */
export function operationFailed(ctx: EventContext): GeneratedEvent {
  const { prng, host } = ctx;
  const account = prng.chance(0.6) ? host.system : host.user;
  const message = `Id = {${prng.hex(8)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(4)}-${prng.hex(12)}}; ClientMachine = ${host.name}; `
    + `User = ${account.domain}\\${account.name}; ClientProcessId = ${clientPid(ctx)}; Component = Unknown; `
    + `Operation = ${prng.pick(FAILED_OPERATIONS)}; ResultCode = ${prng.pick(RESULT_CODES)}; PossibleCause = Unknown`;
  return envelope(ctx, WMI_CHANNEL, { eventCode: 5858, taskCategory: 'None', message, type: 'Error' }, {});
}

/** 5859: the event filter of a permanent subscription was activated. */
export function filterActivated(ctx: EventContext, subscription: WmiSubscription): GeneratedEvent {
  const owner = subscription.builtIn ? 'S-1-5-32-544' : ctx.host.user.sid;
  const message = `Namespace = //./root/CIMV2; NotificationQuery = ${subscription.query}; OwnerName = ${owner}; `
    + `HostProcessID = ${clientPid(ctx)};  Provider= ${subscription.eventProvider}, queryID = ${ctx.prng.int(8)}; PossibleCause = Permanent`;
  return envelope(ctx, WMI_CHANNEL, { eventCode: 5859, taskCategory: 'None', message }, {});
}

/** 5860: a client registered a temporary event subscription. */
export function temporarySubscription(ctx: EventContext): GeneratedEvent {
  const { prng, host } = ctx;
  const account = prng.chance(0.7) ? host.system : host.user;
  const message = `Namespace = ROOT\\CIMV2; NotificationQuery = ${prng.pick(TEMPORARY_QUERIES)}; UserName = ${account.domain}\\${account.name}; `
    + `ClientProcessID = ${clientPid(ctx)}, ClientMachine = ${host.name}; PossibleCause = Temporary`;
  return envelope(ctx, WMI_CHANNEL, { eventCode: 5860, taskCategory: 'None', message }, {});
}

/** 5861: a permanent subscription binds a filter to a consumer (reported at creation and at each WMI start). */
export function bindingReported(ctx: EventContext, subscription: WmiSubscription): GeneratedEvent {
  const creatorBytes = creatorSidBytes(subscription, ctx.host.user);
  const key = `${subscription.consumerName}\u0000${creatorBytes}`;
  let message = bindingMessages.get(key);
  if (message === undefined) {
    message = bindingMessage(subscription, creatorBytes);
    bindingMessages.set(key, message);
  }
  return envelope(ctx, WMI_CHANNEL, { eventCode: 5861, taskCategory: 'None', message }, {});
}
