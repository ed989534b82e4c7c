import { existsSync } from "node:fs";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import compress from "@fastify/compress";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import type { QueryStore } from "../store/query/runner.ts";
import type { GraphReadStore } from "../store/read/types.ts";
import { analystRoutes } from "./analyst-routes.ts";
import { handleError, NotFoundError, sendError } from "./errors.ts";
import { requireAllowedHost, requireToken } from "./guards.ts";
import {
  ArticlesQuerySchema,
  EmptyQuerySchema,
  FactsBodySchema,
  GraphQuerySchema,
  IdParamsSchema,
  NeighborsQuerySchema,
  SearchQuerySchema,
} from "./schemas.ts";

export type ServerOptions = {
  store: GraphReadStore;
  /** When set, every /api request must send `Authorization: Bearer <token>` (at least 32 characters). */
  token?: string;
  /** Host names answered besides the loopback names (KG_ALLOWED_HOSTS); any other Host header gets 403. */
  allowedHosts?: readonly string[];
  /** Folder of the built web app (web/dist); when missing, / explains how to build it. */
  webRoot?: string;
  logger?: FastifyServerOptions["logger"];
  /** When set, the analyst API (compare, timeline, topics, saved queries, read-only console) is served too. */
  analyst?: QueryStore;
};

/** The CSP the explorer satisfies: own scripts only, FA2's worker from a blob: URL, images for PNG export. */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    workerSrc: ["'self'", "blob:"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:", "blob:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    routerOptions: { maxParamLength: 300 },
  });
  app.setErrorHandler(handleError);

  await app.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false });
  await app.register(compress, { threshold: 1024 });

  // Host first (DNS rebinding), then the token on everything that reaches the API however it is spelled.
  app.addHook("onRequest", requireAllowedHost(options.allowedHosts));
  if (options.token !== undefined) app.addHook("onRequest", requireToken(options.token));

  // Its own error handler stays scoped to its routes (a Fastify plugin is encapsulated).
  if (options.analyst) await app.register(analystRoutes, { store: options.analyst });

  app.get("/api/graph", async (request) => {
    const q = GraphQuerySchema.parse(request.query);
    return store.graph({
      nodeTypes: q.nodeTypes,
      relationTypes: q.relationTypes,
      sources: q.sources,
      dateFrom: q.from,
      dateTo: q.to,
      minDegree: q.minDegree,
      limit: q.limit,
    });
  });

  app.get("/api/nodes/:id", async (request) => {
    const { id } = IdParamsSchema.parse(request.params);
    EmptyQuerySchema.parse(request.query);
    const node = await store.node(id);
    if (!node) throw new NotFoundError(`No entity or topic has the id '${id}'.`);
    return node;
  });

  app.get("/api/nodes/:id/neighbors", async (request) => {
    const { id } = IdParamsSchema.parse(request.params);
    const { depth, limit } = NeighborsQuerySchema.parse(request.query);
    const graph = await store.neighbors(id, depth, limit);
    if (!graph) throw new NotFoundError(`No entity or topic has the id '${id}'.`);
    return graph;
  });

  app.get("/api/search", async (request) => {
    const { q, limit } = SearchQuerySchema.parse(request.query);
    return { query: q, hits: await store.search(q, limit) };
  });

  app.get("/api/articles", async (request) => {
    const q = ArticlesQuerySchema.parse(request.query);
    return { articles: await store.articles(q) };
  });

  app.get("/api/articles/:id", async (request) => {
    const { id } = IdParamsSchema.parse(request.params);
    EmptyQuerySchema.parse(request.query);
    const article = await store.article(id);
    if (!article) throw new NotFoundError(`No article has the id '${id}'.`);
    return article;
  });

  app.post("/api/facts", async (request) => {
    const { keys } = FactsBodySchema.parse(request.body);
    return { facts: await store.facts(keys) };
  });

  app.get("/api/stats", async (request) => {
    EmptyQuerySchema.parse(request.query);
    return store.stats();
  });

  app.get("/api/health", async () => {
    await store.ping();
    return { status: "ok" };
  });

  app.all("/api/*", async (request, reply) =>
    sendError(reply, 404, "not_found", `No API endpoint at ${request.method} ${request.url.split("?")[0]}.`),
  );

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, { root: options.webRoot, index: "index.html", maxAge: "1h" });
  } else {
    app.get("/", async (_request, reply) =>
      reply
        .type("text/plain; charset=utf-8")
        .send("The web app is not built. Run `npx vite build web` (or `npm run build:web`), then restart `kg serve`.\n"),
    );
  }
  return app;
}
