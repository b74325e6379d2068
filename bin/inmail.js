#!/usr/bin/env node
// The `inmail` command. Node 20 cannot run TypeScript by itself, so the CLI is loaded through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
