using System.Text;
using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Hosting;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.ResponseCaching;
using GraphQL;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CertGrid.Api.Tests.GraphQl;

/// <summary>The whole-response cache on its own: what it keeps, when it lets go, and what it refuses to keep.</summary>
public sealed class ResponseCacheTests
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes("""{"data":{"verifyCredential":{"valid":true}}}""");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
    private readonly VerificationEpoch _epoch = new();

    [Fact]
    public void A_kept_response_is_replayed_until_the_epoch_moves()
    {
        var cache = Cache();
        var key = Key("""{"query":"{ verifyCredential(credential: \"a\") { valid } }"}""");
        cache.Store(key, cache.CurrentEpoch, _clock.GetUtcNow().AddSeconds(5), Answer, cost: 10);

        Assert.True(cache.TryGet(key, out var replayed, out var cost));
        Assert.Equal(Answer, replayed);
        Assert.Equal(10, cost);
        _epoch.AdvanceFromElsewhere();
        Assert.False(cache.TryGet(key, out _, out _));
        Assert.Equal(1, cache.Hits);
    }

    [Fact]
    public void A_kept_response_is_not_replayed_once_the_instant_its_fields_gave_has_come()
    {
        var cache = Cache();
        var key = Key("body");
        cache.Store(key, cache.CurrentEpoch, _clock.GetUtcNow().AddSeconds(5), Answer, cost: 10);

        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.True(cache.TryGet(key, out _, out _));
        _clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.False(cache.TryGet(key, out _, out _));
    }

    [Fact]
    public void A_response_computed_in_an_older_epoch_is_never_replayed()
    {
        var cache = Cache();
        var before = cache.CurrentEpoch;
        _epoch.Advance();
        cache.Store(Key("body"), before, _clock.GetUtcNow().AddSeconds(5), Answer, cost: 10);

        Assert.False(cache.TryGet(Key("body"), out _, out _));
    }

    [Fact]
    public void The_memory_budget_holds_the_cache_starts_over_when_full_and_oversized_answers_are_not_kept()
    {
        var cache = Cache(budget: Answer.Length * 2);
        var until = _clock.GetUtcNow().AddSeconds(5);
        cache.Store(Key("1"), cache.CurrentEpoch, until, Answer, cost: 10);
        cache.Store(Key("2"), cache.CurrentEpoch, until, Answer, cost: 10);
        cache.Store(Key("3"), cache.CurrentEpoch, until, Answer, cost: 10);

        Assert.False(cache.TryGet(Key("1"), out _, out _));
        Assert.False(cache.TryGet(Key("2"), out _, out _));
        Assert.True(cache.TryGet(Key("3"), out _, out _));

        var large = Cache(budget: 10 * GraphQlResponseCache.MaxEntryBytes);
        large.Store(Key("big"), large.CurrentEpoch, until, new byte[GraphQlResponseCache.MaxEntryBytes + 1], cost: 10);
        Assert.False(large.TryGet(Key("big"), out _, out _));

        var off = Cache(budget: 0);
        off.Store(Key("1"), off.CurrentEpoch, until, Answer, cost: 10);
        Assert.False(off.Enabled);
        Assert.False(off.TryGet(Key("1"), out _, out _));
    }

    [Fact]
    public void Requests_differing_in_method_media_type_language_or_a_single_byte_have_different_keys()
    {
        var key = ResponseCacheKey.For("POST", "application/json", "en", "{}"u8);

        Assert.Equal(key, ResponseCacheKey.For("POST", "application/json", "en", "{}"u8));
        Assert.NotEqual(key, ResponseCacheKey.For("GET", "application/json", "en", "{}"u8));
        Assert.NotEqual(key, ResponseCacheKey.For("POST", "application/graphql-response+json", "en", "{}"u8));
        Assert.NotEqual(key, ResponseCacheKey.For("POST", "application/json", "fr", "{}"u8));
        Assert.NotEqual(key, ResponseCacheKey.For("POST", "application/json", "en", "{ }"u8));
        Assert.NotEqual(ResponseCacheKey.For("POST", "application/json", "en-", "x"u8), ResponseCacheKey.For("POST", "application/json", "en", "-x"u8));
    }

    [Theory]
    [InlineData("query($c: String!) { verifyCredential(credential: $c) { valid } }", 1, true)]
    [InlineData("{ __typename v: verifyCredential(credential: \"a\") { valid } }", 1, true)]
    [InlineData("{ a: verifyCredential(credential: \"a\") { valid } b: verifyCredential(credential: \"b\") { valid } }", 2, true)]
    [InlineData("{ a: verifyCredential(credential: \"a\") { valid } viewer { kind } }", 1, false)]
    [InlineData("{ ...Verify } fragment Verify on Query { verifyCredential(credential: \"a\") { valid } }", 1, false)]
    [InlineData("{ __typename }", 0, false)]
    [InlineData("mutation { verifyCredential(credential: \"a\") { valid } }", 1, false)]
    public void Only_a_query_whose_every_root_field_declared_itself_cacheable_is_kept(string query, int cacheableFields, bool expected)
    {
        var hint = new ResponseCacheHint();
        for (var i = 0; i < cacheableFields; i++)
        {
            hint.Cacheable(_clock.GetUtcNow().AddSeconds(5));
        }

        Assert.Equal(expected, Cache().IsCacheable(Executed(query), hint));
    }

    [Fact]
    public void A_result_with_errors_is_never_kept_and_the_earliest_instant_given_wins()
    {
        var hint = new ResponseCacheHint();
        hint.Cacheable(_clock.GetUtcNow().AddSeconds(5));
        hint.Cacheable(_clock.GetUtcNow().AddSeconds(2));
        var result = Executed("{ verifyCredential(credential: \"a\") { valid } }");
        result.AddError(new ExecutionError("boom"));

        Assert.False(Cache().IsCacheable(result, hint));
        Assert.Equal(_clock.GetUtcNow().AddSeconds(2), hint.Until);
    }

    private static ExecutionResult Executed(string query)
    {
        var document = GraphQLParser.Parser.Parse(query);
        return new ExecutionResult
        {
            Executed = true,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
        };
    }

    private static ResponseCacheKey Key(string body) => ResponseCacheKey.For("POST", "application/graphql-response+json", "", Encoding.UTF8.GetBytes(body));

    private GraphQlResponseCache Cache(int budget = 1024 * 1024)
    {
        var services = new ServiceCollection().AddKeyedSingleton<TimeProvider>(DomainClock.ServiceKey, _clock).BuildServiceProvider();
        return new GraphQlResponseCache(_epoch, Options.Create(new GraphQlOptions { ResponseCacheBytes = budget }), services);
    }
}
