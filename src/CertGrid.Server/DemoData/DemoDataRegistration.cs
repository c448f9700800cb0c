namespace CertGrid.Server.DemoData;

/// <summary>Adds the demo seeder when <c>Demo:Seed</c> is true.</summary>
public static class DemoDataRegistration
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DemoDataOptions.SectionName);
        services.Configure<DemoDataOptions>(section);
        if (section.GetValue<bool>(nameof(DemoDataOptions.Seed)))
        {
            services.AddHttpClient();
            services.AddHostedService<DemoSeeder>();
        }

        return services;
    }
}
