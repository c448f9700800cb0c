using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CertGrid.Testing;

/// <summary>
/// Reads what the real SMTP server of the tests (npm maildev, started by ./test.sh) received, through its REST API
/// (<c>GET /api/email</c>). Tests give every recipient a unique address and read only theirs.
/// </summary>
public sealed class MailDevInbox
{
    private static readonly HttpClient Http = new() { BaseAddress = TestEnvironment.MailDev, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Every message received for <paramref name="address"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<DeliveredMail>> ForAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<List<DeliveredMail>>("api/email") ?? [];
        return all.Where(m => m.To.Any(t => string.Equals(t.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The message as the relay received it (headers unfolded), for headers maildev's parser turns into objects (List-*).</summary>
    public static async Task<string> SourceAsync(DeliveredMail mail) =>
        System.Text.RegularExpressions.Regex.Replace(await Http.GetStringAsync($"api/email/{mail.Id}/source"), "\r?\n(?=[ \t])", string.Empty);

    /// <summary>Waits (up to <paramref name="timeout"/>, 60 s by default) until <paramref name="address"/> has <paramref name="count"/> messages.</summary>
    public static async Task<IReadOnlyList<DeliveredMail>> WaitForAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var mail = await ForAsync(address);
            if (mail.Count >= count || DateTime.UtcNow > until)
            {
                return mail.Count >= count ? mail : throw new TimeoutException($"{address} received {mail.Count} email(s) in time, expected {count}.");
            }

            await Task.Delay(200);
        }
    }
}

/// <summary>A message as maildev parsed it.</summary>
public sealed record DeliveredMail(
    string Id, string Subject, string? Text, string? Html, IReadOnlyList<MailAddress> To, IReadOnlyList<MailAddress> From,
    IReadOnlyDictionary<string, JsonElement> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value)
        ? value.ValueKind == JsonValueKind.Array ? value[0].GetString() : value.GetString()
        : null;
}

public sealed record MailAddress([property: JsonPropertyName("address")] string Address, [property: JsonPropertyName("name")] string? Name);
