# CertGrid server image: one process, an Orleans silo with the GraphQL/HTTP API or (Cluster__Role=Gateway) the API alone.
# Build from the repository root:  docker build -t certgrid .
# (azd does this itself; see azure.yaml and docs/deployment.md.)

# ---- build ------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

# Node.js 20 from NodeSource: the API project embeds the GraphiQL browser assets from
# node_modules/ at build time, so `npm ci` must run before `dotnet publish`. The distribution's
# own nodejs package is older than 20 on the SDK's base image. The repository key is stored
# armored (.asc), which apt reads directly, so gnupg is not needed.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl \
    && install -d -m 0755 /etc/apt/keyrings \
    && curl -fsSL https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key -o /etc/apt/keyrings/nodesource.asc \
    && echo "deb [signed-by=/etc/apt/keyrings/nodesource.asc] https://deb.nodesource.com/node_20.x nodistro main" \
        > /etc/apt/sources.list.d/nodesource.list \
    && apt-get update \
    && apt-get install -y --no-install-recommends nodejs \
    && rm -rf /var/lib/apt/lists/* \
    && node --version && npm --version

WORKDIR /src

# npm packages first, in their own layer, so they are reused while only C# changes.
# --ignore-scripts: only static files are needed from node_modules; no install script runs.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY . .
RUN dotnet publish src/CertGrid.Server/CertGrid.Server.csproj \
        --configuration Release \
        --output /app \
        -p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# 8080: HTTP (API, health checks); the base image already listens there (ASPNETCORE_HTTP_PORTS)
# and the container app also sets ASPNETCORE_URLS=http://+:8080.
# 11111: Orleans silo-to-silo. 30000: Orleans client gateway.
EXPOSE 8080 11111 30000

# The non-root 'app' user that the .NET images ship with; no port here needs root.
USER $APP_UID

ENTRYPOINT ["dotnet", "CertGrid.Server.dll"]
