import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { parse } from 'yaml';
import { z } from 'zod';
import { ZRegionId, ZSupportService, type TSupportService } from '#shared/schemas/safety.ts';

export const RESOURCES_FILE = path.resolve(
  import.meta.dirname,
  '../../../../content/resources/services.yaml',
);

/** Shown when no region matches: the file must have it. */
export const FALLBACK_REGION = 'INTL';

const ZRegionEntry = z.object({
  id: ZRegionId,
  name: z.string().min(1).max(80),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)),
  services: z.array(z.unknown()),
});

const ZFile = z.object({ regions: z.array(z.unknown()).min(1) });

export interface Region {
  id: string;
  name: string;
  countries: string[];
  services: TSupportService[];
}

export interface SupportResources {
  regions: Region[];
  /** The region for a region id or a country code; the fallback when nothing matches. */
  find(regionOrCountry: string | null | undefined): Region;
}

export class ResourcesFileError extends Error {
  override name = 'ResourcesFileError';
}

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(entry)'}: ${i.message}`).join('; ');
}

/**
 * Reads and checks the resources file. In development and tests any bad entry stops the start
 * with a message naming it; in production a bad entry is skipped with a warning, so one typo
 * never takes every other helpline off the page.
 */
export function loadSupportResources(options: {
  file?: string;
  strict: boolean;
  logger?: Pick<FastifyBaseLogger, 'warn'>;
}): SupportResources {
  const file = options.file ?? RESOURCES_FILE;
  const problem = (where: string, what: string) => {
    const message = `${path.basename(file)}: ${where}: ${what}`;
    if (options.strict) throw new ResourcesFileError(message);
    options.logger?.warn({ resourcesProblem: message }, 'skipped a bad support-resources entry');
  };

  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ResourcesFileError(
      `${path.basename(file)} could not be read as YAML (${(error as Error).name}). Fix the file and start again.`,
    );
  }
  const top = ZFile.safeParse(raw);
  if (!top.success) throw new ResourcesFileError(`${path.basename(file)}: ${describe(top.error)}`);

  const regions: Region[] = [];
  top.data.regions.forEach((entry, index) => {
    const region = ZRegionEntry.safeParse(entry);
    if (!region.success) return problem(`region ${index + 1}`, describe(region.error));
    const services: TSupportService[] = [];
    region.data.services.forEach((serviceEntry, serviceIndex) => {
      const service = ZSupportService.safeParse(serviceEntry);
      if (service.success) services.push(service.data);
      else problem(`${region.data.id} service ${serviceIndex + 1}`, describe(service.error));
    });
    if (regions.some((r) => r.id === region.data.id))
      return problem(`region ${region.data.id}`, 'this id appears twice');
    regions.push({ ...region.data, services });
  });

  const fallback = regions.find((r) => r.id === FALLBACK_REGION);
  if (!fallback) {
    throw new ResourcesFileError(
      `${path.basename(file)}: there must be a region with id ${FALLBACK_REGION} for everywhere else.`,
    );
  }
  const byKey = new Map<string, Region>();
  for (const region of regions) {
    byKey.set(region.id, region);
    for (const country of region.countries) byKey.set(country, region);
  }
  return {
    regions,
    find: (key) => (key ? byKey.get(key.toUpperCase()) : undefined) ?? fallback,
  };
}
