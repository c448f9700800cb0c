using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using StackExchange.Redis;

namespace CertGrid.Api.Redis;

/// <summary>
/// Authenticates to Azure Managed Redis with the managed identity: the Entra token is the password and the
/// identity's object id the user name, and the token is renewed and re-sent (<c>AUTH</c>) before it expires.
/// (Microsoft.Azure.StackExchangeRedis does this too but is not in our package mirror.)
/// </summary>
internal sealed class EntraRedisAuthentication : IAsyncDisposable
{
    private static readonly string[] Scopes = ["https://redis.azure.com/.default"];
    private readonly TokenCredential _credential;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private AccessToken _token;
    private string _user = string.Empty;
    private Task? _renewal;

    private EntraRedisAuthentication(TokenCredential credential, ILogger logger)
    {
        _credential = credential;
        _logger = logger;
    }

    public static async Task<EntraRedisAuthentication> CreateAsync(ConfigurationOptions configuration, string? clientId, ILogger logger)
    {
        var credential = new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
        var auth = new EntraRedisAuthentication(credential, logger);
        await auth.RenewAsync(CancellationToken.None);
        configuration.User = auth._user;
        configuration.Password = auth._token.Token;
        return auth;
    }

    public void Start(ConnectionMultiplexer multiplexer) => _renewal = RenewLoopAsync(multiplexer, _stopping.Token);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_renewal is not null)
        {
            await _renewal.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _stopping.Dispose();
    }

    private async Task RenewLoopAsync(ConnectionMultiplexer multiplexer, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var wait = _token.ExpiresOn - DateTimeOffset.UtcNow - TimeSpan.FromMinutes(5);
            await Task.Delay(wait > TimeSpan.FromSeconds(30) ? wait : TimeSpan.FromSeconds(30), stopping);
            try
            {
                await RenewAsync(stopping);
                foreach (var endpoint in multiplexer.GetEndPoints())
                {
                    await multiplexer.GetServer(endpoint).ExecuteAsync("AUTH", _user, _token.Token);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Renewing the Entra ID token for Redis failed; retrying");
            }
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        _token = await _credential.GetTokenAsync(new TokenRequestContext(Scopes), cancellationToken);
        _user = ObjectId(_token.Token);
    }

    /// <summary>The <c>oid</c> claim of the access token: Redis knows the identity by it.</summary>
    private static string ObjectId(string jwt)
    {
        var payload = jwt.Split('.')[1];
        using var document = JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(payload));
        return document.RootElement.GetProperty("oid").GetString() ?? throw new InvalidOperationException("The Entra token has no 'oid' claim.");
    }
}
