using CertGrid.Abstractions.Credentials;
using CertGrid.Abstractions.Hosting;
using CertGrid.Abstractions.Publishing;
using CertGrid.Api.Access;
using CertGrid.Api.Access.Rules;
using CertGrid.Api.Analytics;
using CertGrid.Api.Analytics.Report;
using CertGrid.Api.Appeals;
using CertGrid.Api.Assessments;
using CertGrid.Api.Audit;
using CertGrid.Api.Booking;
using CertGrid.Api.Cohorts;
using CertGrid.Api.Communities;
using CertGrid.Api.Consents;
using CertGrid.Api.ContinuingEducation;
using CertGrid.Api.Credentials;
using CertGrid.Api.Effects;
using CertGrid.Api.Evaluators;
using CertGrid.Api.Events;
using CertGrid.Api.Governance;
using CertGrid.Api.GraphQl;
using CertGrid.Api.GraphQl.Admission;
using CertGrid.Api.GraphQl.ResponseCaching;
using CertGrid.Api.GraphQl.Schema;
using CertGrid.Api.Integrity;
using CertGrid.Api.Languages;
using CertGrid.Api.Learners;
using CertGrid.Api.DirectAwards;
using CertGrid.Api.Notices;
using CertGrid.Api.Notices.Email;
using CertGrid.Api.OAuth;
using CertGrid.Api.Partners;
using CertGrid.Api.Practice;
using CertGrid.Api.Programs;
using CertGrid.Api.Progress;
using CertGrid.Api.Publishing;
using CertGrid.Api.Publishing.OpenBadgesApi;
using CertGrid.Api.Wallets;
using CertGrid.Api.RateLimiting;
using CertGrid.Api.Recognition;
using CertGrid.Api.Redis;
using CertGrid.Api.Relationships;
using CertGrid.Api.Renewals;
using CertGrid.Api.Resources;
using CertGrid.Api.Retries;
using CertGrid.Api.Talent;
using CertGrid.Api.Telemetry;
using CertGrid.Api.TrustedDocuments;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;

namespace CertGrid.Api;

/// <summary>The gateway: GraphQL over HTTP, the public endpoints, access control and rate limits.</summary>
public static class CertGridApi
{
    public static IServiceCollection AddCertGridApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<GraphQlOptions>().Bind(configuration.GetSection(GraphQlOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<OperatorOptions>().Bind(configuration.GetSection(OperatorOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddTimeProvider();

        // The public URLs are needed by the gateway too, also when it runs without a silo in its process.
        services.AddOptions<PublicUrlOptions>().Bind(configuration.GetSection(PublicUrlOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new PublicRoutes(sp.GetRequiredService<IOptions<PublicUrlOptions>>().Value.BaseUrl));
        services.AddSharedGatewayState(configuration);
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<CommunityAdminGate>();
        services.AddSingleton<Identity.AccessTokenAuthenticator>();
        services.AddSingleton<Identity.ProviderMetadataCache>();
        services.AddSingleton<GraphQlRequestReader>();
        services.AddSingleton<GraphQlHttpEndpoint>();
        services.AddSingleton<GraphQlCallerGate>();
        services.AddSingleton<GraphQlEventStreamEndpoint>();
        services.AddOptions<LiveEventsOptions>().Bind(configuration.GetSection(LiveEventsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EventFeedSignals>();
        services.AddSingleton<Abstractions.Events.IEventFeedAnnouncer>(sp => sp.GetRequiredService<EventFeedSignals>());
        services.AddSingleton<LiveEventFeed>();
        services.AddSingleton<GraphQlFailureAnswers>();
        services.AddSingleton<GraphQlResponseWriter>();
        services.AddSingleton<ReadDocuments>();
        services.AddSingleton<DocumentAdmission>();
        services.AddSingleton<CallerBudgets>();
        services.AddSingleton<TrustedDocumentStore>();
        services.AddSingleton<TrustedDocumentGate>();
        services.TryAddSingleton<VerificationEpoch>();
        services.AddSingleton<VerificationCache>();
        services.AddSingleton<Publishing.CredentialPage.PageDescriptionCache>();
        services.AddSingleton<Publishing.CredentialPage.CredentialPageLoader>();
        services.AddSingleton<Publishing.CredentialPage.CredentialPageCache>();
        services.AddSingleton<GraphQlResponseCache>();
        services.AddSingleton(provider => RequestSightings.For(provider.GetRequiredService<IOptions<GraphQlOptions>>().Value));
        services.AddSingleton<SchemaDocument>();
        services.AddSingleton<AnonymousRateLimit>();
        services.AddSingleton<OpenBadgesApiAccess>();
        services.AddOptions<Abstractions.Notices.Email.EmailOptions>().Bind(configuration.GetSection(Abstractions.Notices.Email.EmailOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Notices.Email.EmailUnsubscriber>();
        services.AddCertGridOAuth();
        services.AddOptions<VerificationCacheOptions>().Bind(configuration.GetSection("Verification")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSchemaContributors();
        services.AddIdempotentMutations(configuration);

        // Fields and enum values mapped straight from domain types take their XML documentation as their description.
        GlobalSwitches.EnableReadDescriptionFromXmlDocumentation = true;
        services.AddGraphQL(builder => builder
            .AddSchema<CertGridSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(CertGridApi).Assembly)
            .AddErrorInfoProvider<CertGridErrorInfoProvider>()
            .UseMiddleware<CertGridErrorMiddleware>()
            .UseMiddleware<AuthorizationCheckpoint>()
            .ConfigureExecution(GraphQlRequestMetrics.MeasureAsync)
            .ConfigureExecutionOptions(options =>
            {
                var limits = options.RequestServices!.GetRequiredService<IOptions<GraphQlOptions>>().Value;
                options.Timeout = options.UserContext is GraphQlUserContext { OpensStream: true } ? Timeout.InfiniteTimeSpan : limits.ExecutionTimeout;
                options.TimeoutAction = GraphQL.Execution.TimeoutAction.ReturnTimeoutError;
                options.UnhandledExceptionDelegate = context =>
                {
                    options.RequestServices!.GetRequiredService<ILogger<GraphQlHttpEndpoint>>()
                        .LogError(context.OriginalException, "Unhandled error while executing a GraphQL request");
                    return Task.CompletedTask;
                };
            }));

        // Documents validated before are not walked again on every request to coerce their variables and arguments.
        services.AddSingleton<GraphQL.Validation.IDocumentValidator>(_ => new PreparedDocumentValidator());

        // A path segment or query parameter that cannot be bound is answered by ErrorResponses with a coded JSON body.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    public static IEndpointRouteBuilder MapCertGridApi(this IEndpointRouteBuilder app)
    {
        app.Map("/graphql", (HttpContext http, GraphQlFailureAnswers failures, IdempotentMutations retries, GraphQlHttpEndpoint endpoint, GraphQlEventStreamEndpoint streams) =>
            ServerSentEvents.Requested(http.Request)
                ? failures.HandleAsync(http, streams.HandleAsync)
                : failures.HandleAsync(http, h => retries.HandleAsync(h, endpoint.HandleAsync)));
        app.MapGet(GraphiQlPage.AssetsPath + "/{file}", (HttpContext http, string file) => GraphiQlPage.WriteAssetAsync(http, file));
        app.MapPublicEndpoints();
        app.MapWalletIssuanceEndpoints();
        app.MapClientRegistration();
        app.MapConsent();
        app.MapSchemaDocument();
        app.MapAuditExport();
        app.MapQualityReport();
        app.MapEmailUnsubscribe();
        app.MapAwardHook();
        return app;
    }

    private static void AddSchemaContributors(this IServiceCollection services)
    {
        services.AddSingleton<ISchemaContributor, CommunitySchema>();
        services.AddSingleton<ISchemaContributor, AccessSchema>();
        services.AddSingleton<ISchemaContributor, Identity.IdentitySchema>();
        services.AddSingleton<ISchemaContributor, Onboarding.OnboardingSchema>();
        services.AddSingleton<ISchemaContributor, PartnerSchema>();
        services.AddSingleton<ISchemaContributor, ConsentSchema>();
        services.AddSingleton<ISchemaContributor, Consents.PublicLinks.PublicLinkSchema>();
        services.AddSingleton<ISchemaContributor, PartnerAccessRetentionSchema>();
        services.AddSingleton<ISchemaContributor, WalletSchema>();
        services.AddSingleton<ISchemaContributor, TalentSchema>();
        services.AddSingleton<TalentHandles>();
        services.AddSingleton<ISchemaContributor, ProgramSchema>();
        services.AddSingleton<ISchemaContributor, LearnerSchema>();
        services.AddSingleton<ISchemaContributor, Privacy.PrivacySchema>();
        services.AddSingleton<ISchemaContributor, Privacy.Export.DataExportSchema>();
        services.AddSingleton<ISchemaContributor, EvaluatorSchema>();
        services.AddSingleton<ISchemaContributor, Calibration.CalibrationSchema>();
        services.AddSingleton<ISchemaContributor, AssessmentSchema>();
        services.AddSingleton<ISchemaContributor, CredentialSchema>();
        services.AddSingleton<ISchemaContributor, IssuerSchema>();
        services.AddSingleton<ISchemaContributor, ClientGrantSchema>();
        services.AddSingleton<ISchemaContributor, AuditSchema>();
        services.AddSingleton<ISchemaContributor, PendingEffectsSchema>();
        services.AddSingleton<ISchemaContributor, CohortSchema>();
        services.AddSingleton<ISchemaContributor, AssessmentPolicySchema>();
        services.AddSingleton<ISchemaContributor, ConsensusSchema>();
        services.AddSingleton<ISchemaContributor, AppealSchema>();
        services.AddSingleton<ISchemaContributor, PracticeSchema>();
        services.AddSingleton<ISchemaContributor, BookingSchema>();
        services.AddSingleton<ISchemaContributor, RelationshipSchema>();
        services.AddSingleton<ISchemaContributor, IntegritySchema>();
        services.AddSingleton<ISchemaContributor, AnalyticsSchema>();
        services.AddSingleton<ISchemaContributor, Demographics.DemographicSchema>();
        services.AddSingleton<ISchemaContributor, RenewalSchema>();
        services.AddSingleton<ISchemaContributor, ContinuingEducationSchema>();
        services.AddSingleton<ISchemaContributor, NoticeSchema>();
        services.AddSingleton<ISchemaContributor, EventSchema>();
        services.AddSingleton<ISchemaContributor, PartnerWebhookSchema>();
        services.AddSingleton<ISchemaContributor, Notices.Email.EmailSchema>();
        services.AddSingleton<ISchemaContributor, GovernanceSchema>();
        services.AddSingleton<ISchemaContributor, PathwaySchema>();
        services.AddSingleton<ISchemaContributor, RecognitionSchema>();
        services.AddSingleton<ISchemaContributor, ResourceSchema>();
        services.AddSingleton<ISchemaContributor, ProgressSchema>();
        services.AddSingleton<ISchemaContributor, PublicProgramSchema>();
        services.AddSingleton<ISchemaContributor, LanguageSchema>();
        services.AddSingleton<ISchemaContributor, TrustedDocumentSchema>();
        services.AddSingleton<ISchemaContributor, DirectAwards.DirectAwardSchema>();
    }

    /// <summary>Rate limits and the key cache live in Redis when it is configured, in process otherwise; the log says which.</summary>
    private static void AddSharedGatewayState(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = RedisOptions.From(configuration);
        services.AddSingleton(Options.Create(redis));
        if (redis.IsConfigured)
        {
            services.AddSingleton(sp => RedisConnection.ConnectAsync(
                redis, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, sp.GetRequiredService<ILogger<RedisConnection>>()).GetAwaiter().GetResult());
            services.AddSingleton<IApiKeyCache, RedisApiKeyCache>();
            services.AddSingleton<IRequestRateLimiter, RedisRateLimiter>();
            services.AddSingleton<ICostBudget, RedisCostBudget>();
            services.AddHostedService<VerificationEpochRelay>();
            services.AddHostedService<EventFeedSignalRelay>();
        }
        else
        {
            services.AddSingleton<IApiKeyCache, InProcessApiKeyCache>();
            services.AddSingleton<IRequestRateLimiter, InProcessRateLimiter>();
            services.AddSingleton<ICostBudget, InProcessCostBudget>();
        }

        services.AddHostedService<GatewayStateReport>();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
