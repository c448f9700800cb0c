using System.Net.Http.Headers;
using System.Text;
using CertGrid.Api.Access;
using CertGrid.Domain.Access;
using Microsoft.Extensions.Options;

namespace CertGrid.Server.Operations;

/// <summary>
/// Lets only the platform operator through: the operator key as <c>Authorization: Bearer</c>, <c>X-Api-Key</c>, or as
/// the password of HTTP Basic authentication (any user name), so a browser asks for it. Anything else is 401 with a
/// Basic challenge. Guards the Orleans Dashboard.
/// </summary>
public sealed class OperatorKeyGate(IOptions<OperatorOptions> options) : IEndpointFilter
{
    private readonly string _operatorHash = options.Value.ExpectedHash;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = PresentedKey(context.HttpContext.Request);
        if (presented is not null && ApiKeyToken.IsOperatorKey(presented) && ApiKeyToken.SecretMatches(presented, _operatorHash))
        {
            return await next(context);
        }

        context.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"CertGrid operator\", charset=\"UTF-8\"";
        return Results.Json(
            new { error = new { code = "UNAUTHENTICATED", message = "The Orleans Dashboard is for the platform operator: present the operator key (as the password when the browser asks)." } },
            statusCode: StatusCodes.Status401Unauthorized);
    }

    private static string? PresentedKey(HttpRequest request)
    {
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var authorization) && authorization.Parameter is { } parameter)
        {
            if (authorization.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Trim();
            }

            if (authorization.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) && TryDecodeBasicPassword(parameter, out var password))
            {
                return password;
            }
        }

        var header = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(header) ? null : header.Trim();
    }

    private static bool TryDecodeBasicPassword(string parameter, out string password)
    {
        password = string.Empty;
        var buffer = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, buffer, out var written))
        {
            return false;
        }

        var credentials = Encoding.UTF8.GetString(buffer, 0, written);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        password = colon < 0 ? string.Empty : credentials[(colon + 1)..];
        return colon >= 0;
    }
}
