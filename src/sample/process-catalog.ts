// The Windows executables the sample generator draws processes from, with their PE metadata.

/** A program image as Sysmon reports it (metadata from the PE version resource). */
export interface ProcessImage {
  path: string;
  fileName: string;
  description: string;
  fileVersion: string;
  product: string;
  company: string;
  /** Command lines this program is typically started with. */
  commandLines: readonly string[];
  /** Who usually runs it: the machine itself or the signed-in user. */
  runsAs: 'system' | 'user';
  /** Sysmon `Hashes` value, derived once from the path. */
  hashes: string;
}

const MS = 'Microsoft Corporation';
const WINDOWS = 'Microsoft® Windows® Operating System';
const OS_VERSION = '10.0.19041.1 (WinBuild.160101.0800)';

type ImageSpec = Omit<ProcessImage, 'fileName' | 'hashes'>;

/** FNV-1a over a string, repeated with different offsets to make a stable hex digest of any length. */
function stableHex(text: string, digits: number): string {
  let out = '';
  for (let round = 0; out.length < digits; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    out += (hash >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, digits).toUpperCase();
}

function image(spec: ImageSpec): ProcessImage {
  const fileName = spec.path.slice(spec.path.lastIndexOf('\\') + 1);
  const hashes = `MD5=${stableHex(spec.path, 32)},SHA256=${stableHex(`${spec.path}#256`, 64)},IMPHASH=${stableHex(`${spec.path}#imp`, 32)}`;
  return { ...spec, fileName, hashes };
}

function windowsImage(path: string, description: string, commandLines: string[], runsAs: 'system' | 'user'): ProcessImage {
  return image({ path, description, fileVersion: OS_VERSION, product: WINDOWS, company: MS, commandLines, runsAs });
}

const SYS32 = 'C:\\Windows\\System32';

export const SVCHOST = windowsImage(`${SYS32}\\svchost.exe`, 'Host Process for Windows Services', [
  'C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule',
  'C:\\Windows\\system32\\svchost.exe -k LocalServiceNetworkRestricted -p',
  'C:\\Windows\\System32\\svchost.exe -k NetworkService -p -s Dnscache',
  'C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p',
], 'system');
export const SERVICES = windowsImage(`${SYS32}\\services.exe`, 'Services and Controller app', ['C:\\Windows\\system32\\services.exe'], 'system');
export const EXPLORER = windowsImage('C:\\Windows\\explorer.exe', 'Windows Explorer', ['C:\\Windows\\Explorer.EXE'], 'user');
export const WMIPRVSE = windowsImage(`${SYS32}\\wbem\\WmiPrvSE.exe`, 'WMI Provider Host', [
  'C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding',
  'C:\\Windows\\system32\\wbem\\wmiprvse.exe -Embedding',
], 'system');
export const DEFENDER = image({
  path: 'C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe',
  description: 'Antimalware Service Executable', fileVersion: '4.18.23110.3 (WinBuild.160101.0800)',
  product: WINDOWS, company: MS, runsAs: 'system',
  commandLines: ['"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.23110.3-0\\MsMpEng.exe"'],
});
export const CHROME = image({
  path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  description: 'Google Chrome', fileVersion: '119.0.6045.160', product: 'Google Chrome', company: 'Google LLC',
  runsAs: 'user',
  commandLines: [
    '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe"',
    '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=utility --utility-sub-type=network.mojom.NetworkService --lang=en-US --service-sandbox-type=none --mojo-platform-channel-handle=2064 --field-trial-handle=1900,i,1785404722935871386,5462018306811049210,262144 /prefetch:3',
    '"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe" --type=renderer --display-capture-permissions-policy-allowed --lang=en-US --device-scale-factor=1 --num-raster-threads=4 --enable-main-frame-before-activation --renderer-client-id=7 --mojo-platform-channel-handle=3584 /prefetch:1',
  ],
});
export const ONEDRIVE = image({
  path: 'C:\\Users\\Public\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe',
  description: 'Microsoft OneDrive', fileVersion: '23.226.1031.0003', product: 'Microsoft OneDrive', company: MS,
  runsAs: 'user', commandLines: ['"C:\\Users\\Public\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe" /background'],
});

/** Short-lived programs started while the machine is in use; the weights say how often each starts. */
export const TRANSIENT_IMAGES: ReadonlyArray<readonly [ProcessImage, number]> = [
  [windowsImage(`${SYS32}\\cmd.exe`, 'Windows Command Processor', [
    'C:\\Windows\\system32\\cmd.exe /c "ipconfig /all"',
    'C:\\Windows\\system32\\cmd.exe /c echo %USERNAME% > C:\\Windows\\Temp\\user.txt',
    'cmd.exe /c C:\\ProgramData\\scripts\\logon.bat',
  ], 'user'), 12],
  [windowsImage(`${SYS32}\\WindowsPowerShell\\v1.0\\powershell.exe`, 'Windows PowerShell', [
    'powershell.exe -NoProfile -ExecutionPolicy Bypass -File C:\\ProgramData\\scripts\\inventory.ps1',
    '"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe" -Command "Get-Service | Where-Object Status -eq Running"',
  ], 'user'), 6],
  [windowsImage(`${SYS32}\\conhost.exe`, 'Console Window Host', ['\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1'], 'user'), 14],
  [windowsImage(`${SYS32}\\taskhostw.exe`, 'Host Process for Windows Tasks', ['taskhostw.exe Install $(Arg0)', 'taskhostw.exe -RegisterDevice -ProtectionStateChanged -FreeNetworkOnly'], 'system'), 8],
  [windowsImage(`${SYS32}\\backgroundTaskHost.exe`, 'Background Task Host', ['"C:\\Windows\\system32\\BackgroundTaskHost.exe" -ServerName:BackgroundTaskHost.WebAccountProvider'], 'user'), 7],
  [windowsImage(`${SYS32}\\RuntimeBroker.exe`, 'Runtime Broker', ['C:\\Windows\\System32\\RuntimeBroker.exe -Embedding'], 'user'), 9],
  [windowsImage(`${SYS32}\\SearchProtocolHost.exe`, 'Microsoft Windows Search Protocol Host', ['"C:\\Windows\\system32\\SearchProtocolHost.exe" Global\\UsGthrFltPipeMssGthrPipe5_ Global\\UsGthrCtrlFltPipeMssGthrPipe5 1 -2147483646 "Software\\Microsoft\\Windows Search" "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)" "C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc" "DownLevelDaemon"'], 'system'), 8],
  [WMIPRVSE, 6],
  [windowsImage(`${SYS32}\\wbem\\WMIC.exe`, 'WMI Commandline Utility', ['wmic  process call create "notepad.exe"', 'wmic /namespace:\\\\root\\subscription path __EventConsumer get Name'], 'user'), 2],
  [windowsImage(`${SYS32}\\schtasks.exe`, 'Task Scheduler Configuration Tool', ['schtasks.exe /query /fo LIST /v'], 'user'), 3],
  [windowsImage(`${SYS32}\\net.exe`, 'Net Command', ['net user /domain', 'net localgroup administrators'], 'user'), 2],
  [windowsImage(`${SYS32}\\notepad.exe`, 'Notepad', ['"C:\\Windows\\system32\\notepad.exe" C:\\Users\\Public\\Documents\\notes.txt'], 'user'), 4],
  [image({
    path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE', description: 'Microsoft Outlook',
    fileVersion: '16.0.17029.20068', product: 'Microsoft Outlook', company: MS, runsAs: 'user',
    commandLines: ['"C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE" '],
  }), 4],
  [CHROME, 15],
];

/** Long-running programs every machine has from boot; they produce most network and file activity. */
export const RESIDENT_IMAGES: ReadonlyArray<readonly [ProcessImage, number]> = [
  [SVCHOST, 30], [DEFENDER, 14], [EXPLORER, 10], [CHROME, 26], [ONEDRIVE, 8], [SERVICES, 2],
];
