import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from 'typebox';
import { IdParams, Page, routeAccess, type Ctx } from '#kernel';
import {
  ApproveBody,
  AssignBody,
  Candidate,
  CandidateQuery,
  DefinitionInfo,
  DoneItem,
  InstanceDetail,
  InstanceSummary,
  ListQuery,
  RejectBody,
  ResubmitBody,
  ReturnBody,
  TodoItem,
  WithdrawBody,
} from '../contract/workflow.schema.ts';
import { addSigner, transfer } from './assignment.service.ts';
import { approve, reject } from './decision.service.ts';
import { getInstance, listCandidates, listDefinitionInfo } from './instance.service.ts';
import { resubmit, returnInstance, withdraw } from './return.service.ts';
import { listDone, listStarted, listTodo } from './todo.service.ts';

const tags = ['workflow'];

// Who may act is decided per instance (the step's permission on the step's org), so every
// route needs only a session and the services check the rest.
export function registerWorkflowRoutes(fastify: FastifyInstance): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const session = { access: routeAccess.session };

  app.get(
    '/api/workflow/todo',
    {
      schema: { tags, summary: '我的待办：本人可办理的审核任务（各模块）', querystring: ListQuery, response: { 200: Page(TodoItem) } },
      config: session,
    },
    (req) => listTodo(req.ctx, req.query),
  );

  app.get(
    '/api/workflow/done',
    {
      schema: { tags, summary: '我的已办：本人办理过的审核', querystring: ListQuery, response: { 200: Page(DoneItem) } },
      config: session,
    },
    (req) => listDone(req.ctx, req.query),
  );

  app.get(
    '/api/workflow/started',
    {
      schema: { tags, summary: '我发起的审核', querystring: ListQuery, response: { 200: Page(InstanceSummary) } },
      config: session,
    },
    (req) => listStarted(req.ctx, req.query),
  );

  app.get(
    '/api/workflow/definitions',
    {
      schema: { tags, summary: '已启用的审核流程及其步骤', response: { 200: Type.Array(DefinitionInfo) } },
      config: session,
    },
    (req) => listDefinitionInfo(req.ctx),
  );

  app.get(
    '/api/workflow/instances/:id',
    {
      schema: { tags, summary: '审核详情：步骤、当前办理人、办理记录、可执行的操作', params: IdParams, response: { 200: InstanceDetail } },
      config: session,
    },
    (req) => getInstance(req.ctx, req.params.id),
  );

  app.get(
    '/api/workflow/instances/:id/candidates',
    {
      schema: {
        tags,
        summary: '可加签或转办的人员',
        params: IdParams,
        querystring: CandidateQuery,
        response: { 200: Type.Array(Candidate) },
      },
      config: session,
    },
    (req) => listCandidates(req.ctx, req.params.id, req.query),
  );

  const action = <S extends TSchema>(
    path: string,
    summary: string,
    body: S,
    run: (ctx: Ctx, id: string, body: Static<S>) => Promise<InstanceDetail>,
  ) =>
    app.post(
      `/api/workflow/instances/:id/${path}`,
      {
        schema: { tags, summary, params: IdParams, body, response: { 200: InstanceDetail } },
        config: session,
      },
      (req) => run(req.ctx, req.params.id, req.body as Static<S>),
    );

  action('approve', '通过', ApproveBody, approve);
  action('reject', '不通过（须填写理由）', RejectBody, reject);
  action('return', '退回上一步、指定步骤或申请人（须填写理由）', ReturnBody, returnInstance);
  action('withdraw', '撤回（申请人，在当前步骤办理前）', WithdrawBody, withdraw);
  action('resubmit', '重新提交（申请人，退回后）', ResubmitBody, resubmit);
  action('add-signer', '加签：增加本步骤须同意的人', AssignBody, addSigner);
  action('transfer', '转办：将本人的任务交给他人', AssignBody, transfer);
}
