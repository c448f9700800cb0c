using System.ComponentModel.DataAnnotations;
using CertGrid.Grains.Storage;

namespace CertGrid.Server.Hosting;

/// <summary>Binds a settings section and validates it before the host starts, naming every setting that is wrong.</summary>
public static class ConfigurationValidation
{
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new InvalidConfigurationException(string.Join(" ", results.Select(r => r.ErrorMessage)));
        }

        return options;
    }
}
