# The gateway: built with the .NET 10 SDK, run on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
# The project copies the shipped catalog and model manifest into its output (see src/Gateway/Gateway.csproj).
COPY config/ config/
COPY models/manifest.json models/manifest.json
COPY src/ src/
RUN dotnet publish src/Gateway/Gateway.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
# Shipped files (config/peaks.yaml, models/manifest.json, wwwroot) are part of the publish output.
COPY --from=build /app ./
# Everything the gateway writes (embedded store, models, thumbnails, SQLite job storage, the editable catalog, albums and
# schedules) goes to one data folder: a volume, so it survives container rebuilds. With Jobs__Storage=PostgreSql (as
# docker-compose.yml sets it) the job queue lives in PostgreSQL instead, shared by every replica.
VOLUME ["/data"]
ENV ASPNETCORE_URLS=http://+:8080 \
    Gateway__DataFolder=/data \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
ENTRYPOINT ["dotnet", "Gateway.dll"]
