import type { Request, Response } from "express";
import type { SimContext } from "../context.js";

/** Serves one spec operation once auth, limits, permission and validation have passed. */
export type Handler = (req: Request, res: Response, ctx: SimContext) => void;

/** Handlers by operationId; the server refuses to start if the spec has an operation without one. */
export type HandlerTable = Record<string, Handler>;
