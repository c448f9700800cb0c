using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CertGrid.Api.Publishing;

/// <summary>Maps <see cref="SchemaDocument.Path"/>: plain text, cacheable for an hour (the schema changes only with a deployment).</summary>
public static class SchemaDocumentEndpoint
{
    public static IEndpointRouteBuilder MapSchemaDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet(SchemaDocument.Path, (HttpResponse response, SchemaDocument document) =>
        {
            response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(document.Sdl, "text/plain; charset=utf-8");
        });
        return app;
    }
}
