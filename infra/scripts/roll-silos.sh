#!/usr/bin/env bash
# azd postdeploy hook: after `azd deploy` has rolled the gateway app (the azd service) to the new image,
# roll every silo app to the same image, ONE AT A TIME, waiting for each new revision to be running and
# healthy before the next: the cluster always keeps all but one silo, and a silo being replaced leaves
# the cluster gracefully (SIGTERM, Cluster__ShutdownTimeout inside the 60 s grace period).
# Reads what azd provides: AZURE_RESOURCE_GROUP, SERVICE_CERTGRID_IMAGE_NAME, CERTGRID_SILO_APPS (a JSON
# array output of infra/main.bicep). Needs the Azure CLI (`az`), signed in to the same subscription.
set -euo pipefail

image=${SERVICE_CERTGRID_IMAGE_NAME:?azd sets SERVICE_CERTGRID_IMAGE_NAME after deploying the certgrid service}
group=${AZURE_RESOURCE_GROUP:?run through azd (AZURE_RESOURCE_GROUP is an output of infra/main.bicep)}
apps=$(printf '%s' "${CERTGRID_SILO_APPS:?run azd provision first (CERTGRID_SILO_APPS is an output of infra/main.bicep)}" | tr -d '[]" ' | tr ',' ' ')

for app in $apps; do
  echo "Rolling silo app $app to $image ..."
  az containerapp update --resource-group "$group" --name "$app" --image "$image" --output none
  for attempt in $(seq 1 60); do
    state=$(az containerapp revision list --resource-group "$group" --name "$app" \
      --query "[?properties.active && properties.template.containers[0].image=='$image'] | [0].properties.[runningState, healthState]" -o tsv)
    if [[ $state == *Running*Healthy* || $state == *RunningAtMaxScale*Healthy* ]]; then
      echo "  $app runs $image and is healthy."
      break
    fi
    if (( attempt == 60 )); then
      echo "  $app did not become healthy within 10 minutes (state: ${state:-unknown}); stopping the roll-out here." >&2
      exit 1
    fi
    sleep 10
  done
done
