global using CertGrid.Domain.Errors;
global using CertGrid.Domain.Tenancy;
global using Microsoft.Extensions.Logging;
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
