import { NextResponse } from 'next/server';

// KC-INFRA-BE-1: used by the ALB target group and the Dockerfile HEALTHCHECK.
export async function GET(request: Request) {
  // Stage 1: Basic check - if the handler runs, the server is up.
  // Stage 2+: Add checks like DB connection test
  return NextResponse.json({ status: 'ok', timestamp: Date.now() });
}
