// Commands that come from Splunk apps with trained models or their own engines: they fail saying which app they need.
import type { Command } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';

/** The app each command belongs to (Splunkbase names). */
export const APP_OF_COMMAND: Readonly<Record<string, string>> = {
  apply: 'Splunk Machine Learning Toolkit',
  fit: 'Splunk Machine Learning Toolkit',
  score: 'Splunk Machine Learning Toolkit',
  summary: 'Splunk Machine Learning Toolkit',
  cyberchef: 'CyberChef for Splunk',
};

/** One definition per app: compiling fails with `needs-app`, never with a fake result. */
function appCommand(app: string, names: string[]): CommandDef<Command> {
  return {
    names,
    kind: 'streaming',
    compile(node) {
      const name = node.kind === 'generic' ? node.name : node.kind;
      throw new SplError('needs-app', `\`${name}\` needs the ${app} app, which splq does not include`, { start: node.span.start, end: node.span.start + name.length }, [
        app === 'Splunk Machine Learning Toolkit' ? 'its models are trained inside Splunk; run this detection in Splunk' : 'run this detection in Splunk with the app installed',
      ]);
    },
  };
}

export const APP_COMMANDS: ReadonlyArray<CommandDef<Command>> = Object.entries(
  Object.entries(APP_OF_COMMAND).reduce<Record<string, string[]>>((byApp, [name, app]) => ({ ...byApp, [app]: [...(byApp[app] ?? []), name] }), {}),
).map(([app, names]) => appCommand(app, names));
