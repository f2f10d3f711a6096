# syntax=docker/dockerfile:1
# IgfLive: one image for every node of a cluster.
#   docker build -t igflive .
#   docker run -p 8080:8080 -e IgfLive__OrganiserKey=... igflive

# --- build: .NET SDK plus Node.js 20 (the web UI is bundled by npm from MSBuild; it needs Node 20+) ---
FROM node:20-bookworm-slim AS node

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
WORKDIR /src

# Restore first, from the project files only, so the layer is reused until dependencies change.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/IgfLive.Core/IgfLive.Core.csproj src/IgfLive.Core/
COPY src/IgfLive.Server/IgfLive.Server.csproj src/IgfLive.Server/
RUN dotnet restore src/IgfLive.Server/IgfLive.Server.csproj

COPY src/ src/
RUN dotnet publish src/IgfLive.Server/IgfLive.Server.csproj -c Release --no-restore -o /app

# --- runtime: ASP.NET Core only, as the image's unprivileged user ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Storage__DataDirectory=/var/lib/igflive
RUN mkdir -p /var/lib/igflive && chown "$APP_UID" /var/lib/igflive
VOLUME /var/lib/igflive
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=6s --start-period=20s --retries=3 \
  CMD ["dotnet", "/app/IgfLive.Server.dll", "healthcheck", "http://127.0.0.1:8080/health/ready"]
ENTRYPOINT ["dotnet", "/app/IgfLive.Server.dll"]
