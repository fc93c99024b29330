# Sổ Quỹ: API + built console in one image. Used with docker-compose.yml (PostgreSQL 16).
# Stage 1 builds with the dev dependencies; stage 2 keeps only what runs.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# argon2 may build from source where no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY api ./api
COPY admin ./admin
COPY schema ./schema
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/admin/dist ./admin/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations run at start under an advisory lock, so several replicas may start together.
CMD ["node", "dist/api/src/main.js"]
