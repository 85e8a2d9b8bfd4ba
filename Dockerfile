# syntax=docker/dockerfile:1
# Caredesk: one image for the web server and the workers (choose with the command).
#   docker build -t caredesk .
#   docker run ... caredesk                           -> npm run start:server
#   docker run ... caredesk npm run start:worker      -> workers only
#   docker run ... caredesk npm run migrate           -> migrations, then exit
# The server runs TypeScript through tsx (a runtime dependency); only the client is built ahead.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config client/vite.config.ts

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/.data \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY tsconfig.json ./
COPY common ./common
COPY migrations ./migrations
COPY server ./server
COPY workers ./workers
# server/main.ts (the all-in-one `npm start`) can start the simulator in demo mode.
COPY simulator ./simulator
COPY scripts ./scripts
COPY --from=build /app/client/dist ./client/dist
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
CMD ["npm", "run", "start:server"]
