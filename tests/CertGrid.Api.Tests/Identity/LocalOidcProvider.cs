using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CertGrid.Testing;

namespace CertGrid.Api.Tests.Identity;

/// <summary>
/// A real OpenID Connect provider (npm oidc-provider, <c>tests/identity/oidc-provider.mjs</c>) running beside the test
/// server, with people the tests add. Tokens come from a real authorization code flow (<c>tests/identity/sign-in.mjs</c>,
/// npm openid-client) with the provider's own login and consent forms: the tests never mint a token.
/// </summary>
public sealed class LocalOidcProvider : IAsyncLifetime
{
    public const string ClientId = "certgrid-web";
    private const string ClientSecret = "certgrid-web-secret";

    private readonly string _accountsFile = Path.Combine(Path.GetTempPath(), $"certgrid-oidc-{Guid.NewGuid():N}.json");
    private readonly JsonObject _accounts = [];
    private readonly Lock _accountsLock = new();
    private Process? _process;

    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The audience (resource) a community registers for CertGrid at this provider.</summary>
    public static string AudienceFor(string community) => $"https://certgrid.test/communities/{community}";

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_accountsFile, "{}");
        var port = FreePort.Next();
        var start = new ProcessStartInfo("node", [Path.Combine(TestEnvironment.RepositoryRoot, "tests/identity/oidc-provider.mjs"), port.ToString(), _accountsFile])
        {
            WorkingDirectory = TestEnvironment.RepositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start)!;
        _ = _process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                Issuer = line["ready ".Length..].Trim();
                return;
            }
        }

        throw new InvalidOperationException("The local OpenID Connect provider did not start.");
    }

    /// <summary>Adds a person the provider knows, with the claims it vouches for.</summary>
    public void AddPerson(string login, string email, bool emailVerified, params string[] groups)
    {
        lock (_accountsLock)
        {
            _accounts[login] = new JsonObject
            {
                ["email"] = email,
                ["email_verified"] = emailVerified,
                ["groups"] = new JsonArray([.. groups.Select(g => (JsonNode)g)]),
            };
            var written = _accountsFile + ".next";
            File.WriteAllText(written, _accounts.ToJsonString());
            File.Move(written, _accountsFile, overwrite: true);
        }
    }

    /// <summary>Signs <paramref name="login"/> in through the provider's forms and returns the access token it issued for <paramref name="audience"/>.</summary>
    public async Task<string> SignInAsync(string login, string audience)
    {
        var result = await NodeScript.RunAsync("tests/identity/sign-in.mjs", Issuer, ClientId, ClientSecret, audience, login);
        Assert.True(result.ExitCode == 0, $"Signing in at the local provider failed: {result}");
        return JsonDocument.Parse(result.Lines[^1]).RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }

        _process?.Dispose();
        File.Delete(_accountsFile);
        await Task.CompletedTask;
    }
}
