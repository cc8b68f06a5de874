import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { DomainError, type Actor } from '#kernel';
import { ConfigError, loadConfig } from '../config.ts';
import { messageFor, textFor } from '../messages.ts';
import { commands, moduleCommands, type Command } from './commands.ts';

export { UsageError } from './usage-error.ts';
import { UsageError } from './usage-error.ts';

const HELP = `educloud — 教育云 EduCloud 命令行

用法: educloud <命令> [选项]

  serve                         启动服务（迁移数据库，首次启动时载入参考数据并创建平台管理员）
  db migrate                    执行全部待执行的数据库迁移
  db status                     列出迁移及其状态
  org import <文件> [--dry-run]  从 CSV/XLSX 导入机构（按机构代码更新或新增）
  user create --account A --name 姓名 --org 机构代码 [--id-number N] [--phone P] [--email E] [--role 角色代码]
                                新建实名用户；打印一次性初始密码
  audit verify [--checkpoint 文件] [--gap-days 7]
                                校验审计记录的 SM3 哈希链，并核对 SM2 签名的检查点；断链、截断或检查点不符时以非零状态退出；
                                列出超过 N 天没有记录的时段（提示）
  audit checkpoint              立即签发一个审计检查点（SM2 签名），追加到检查点目录
  demo                          向空数据库写入可复现的示例数据（标记为示例）

配置来自环境变量，见 README.md。`;

const helpText = () =>
  `${HELP}\n\n模块命令：\n${Object.entries(moduleCommands())
    .map(([name, c]) => `  ${name.padEnd(30)}${c.summary}`)
    .join('\n')}`;

export const cliActor = (): Actor => {
  let name = 'unknown';
  try {
    name = userInfo().username;
  } catch {
    /* containers may have no passwd entry */
  }
  return { kind: 'cli', id: null, name: `cli:${name}` };
};

/** Runs one command; returns the process exit code. Errors become one clear line on stderr. */
export async function runCli(
  argv: string[],
  out: (line: string) => void = (l) => console.log(l),
  err: (line: string) => void = (l) => console.error(l),
): Promise<number> {
  const [first, second] = argv;
  if (!first || first === 'help' || first === '--help' || first === '-h') {
    out(helpText());
    return first ? 0 : 2;
  }
  const key = commands[`${first} ${second}`] ? `${first} ${second}` : first;
  const command: Command | undefined = commands[key];
  if (!command) {
    err(`未知命令 "${argv.slice(0, 2).join(' ')}"。运行 educloud help 查看用法。`);
    return 2;
  }
  const rest = argv.slice(key.split(' ').length);
  try {
    const { values, positionals } = parseArgs({ args: rest, options: command.options ?? {}, allowPositionals: true, strict: true });
    const config = loadConfig();
    return await command.run({
      values: values as Record<string, string | boolean | undefined>,
      positionals,
      config,
      actor: cliActor(),
      out,
      err,
      text: (key, params) => textFor(key, params),
    });
  } catch (e) {
    if (e instanceof ConfigError || e instanceof UsageError) err(e.message);
    else if (e instanceof DomainError) err(`${messageFor(e.code, e.params)} (${e.code})`);
    else if ((e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) err(`参数错误：${(e as Error).message}`);
    else {
      err(`失败：${(e as Error).message}`);
      if (process.env.EDUCLOUD_DEBUG) err((e as Error).stack ?? '');
    }
    return e instanceof ConfigError || e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  }
}
