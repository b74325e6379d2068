/**
 * One error handler: domain errors, validation errors and Fastify's own 4xx errors become
 * RFC 9457 problem documents with a stable `code` and the fields at fault; anything else is
 * logged and becomes a plain 500 that reveals nothing.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type ErrorKind, type FieldError } from '../domain/errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [k: string]: unknown;
}

export function problem(
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; [k: string]: unknown } = {},
): ProblemBody {
  // Extra members never override the standard ones.
  const body: ProblemBody = {
    ...extra,
    type: `urn:inmail:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
  };
  if (body.errors && body.errors.length === 0) delete body.errors;
  return body;
}

export function sendProblem(reply: FastifyReply, req: FastifyRequest, body: ProblemBody) {
  body.instance ??= req.url.split('?')[0];
  body.requestId ??= String(req.id);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldPath(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

/** Zod issues from any part of the request -> field errors ("body.subject", "params.id" ...). */
function validationFields(err: FastifyError): FieldError[] {
  const where = (err as FastifyError & { validationContext?: string }).validationContext ?? 'body';
  const out: FieldError[] = [];
  for (const v of (err.validation ?? []) as unknown as ValidationIssue[]) {
    const base = fieldPath(v.instancePath);
    if (v.keyword === 'unrecognized_keys' && Array.isArray(v.params.keys)) {
      for (const k of v.params.keys as string[]) {
        out.push({
          field: [where, base, k].filter(Boolean).join('.'),
          message: 'unknown field',
          code: 'unknown_field',
        });
      }
      continue;
    }
    out.push({
      field: [where, base].filter(Boolean).join('.'),
      message: v.message ?? 'invalid',
      code: v.keyword,
    });
  }
  return out;
}

/** Fastify's own client errors, by code, with our stable codes. */
const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    'malformed_json',
    'The request body is empty but its content type is JSON',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'Send the body as application/json'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'invalid_content_length',
    'The Content-Length header does not match the body',
  ],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type', 'The Content-Type header is not valid'],
};

export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    const status = STATUS[err.kind];
    if (err.details.retryAfterSeconds) reply.header('retry-after', String(err.details.retryAfterSeconds));
    return sendProblem(
      reply,
      req,
      problem(status, err.code, err.message, {
        ...(err.details.fields ? { errors: err.details.fields } : {}),
        ...(err.details.retryAfterSeconds ? { retryAfterSeconds: err.details.retryAfterSeconds } : {}),
        ...(err.details.extra ?? {}),
      }),
    );
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const errors = validationFields(err);
    const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return sendProblem(
      reply,
      req,
      problem(400, 'validation_failed', detail || 'The request is not valid', { errors }),
    );
  }
  const known = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (known) return sendProblem(reply, req, problem(known[0], known[1], known[2]));
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Other client errors Fastify raises (bad URL encoding, unsupported method ...).
    const code = (err.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
    return sendProblem(reply, req, problem(status, code, err.message));
  }
  req.log.error({ err }, 'unhandled error');
  return sendProblem(
    reply,
    req,
    problem(500, 'internal_error', 'Something went wrong on our side; it has been logged'),
  );
}

export function notFoundHandler(req: FastifyRequest, reply: FastifyReply) {
  return sendProblem(
    reply,
    req,
    problem(404, 'route_not_found', `No route ${req.method} ${req.url.split('?')[0]}`),
  );
}
