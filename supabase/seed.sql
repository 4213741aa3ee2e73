-- Demo data: the 2026 participation plan as of late November, the survey consent notice and
-- the three seed surveys. Runs once, on a freshly migrated database.

-- The initial load is the starting state, not a staff change: keep it out of the audit log.
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;

-- PLAN
insert into public.plan_phases (code, name) values
  (1, 'Diagnóstico'),
  (2, 'Formulación/planeación de políticas, planes, programas o proyectos'),
  (3, 'Implementación/ejecución/colaboración'),
  (4, 'Control/evaluación'),
  (5, 'Acciones transversales');

insert into public.plan_activities
  (code, phase_code, position, title, objective, product, status, responsible_area, starts_on, ends_on, action_label, action_href, updated_at)
values
  ('1.1', 1, 1,
   'Ejercicios participativos para identificar debilidades o problemas en la oferta de servicios',
   'Identificar las fortalezas y debilidades que tiene la agencia en la oferta de servicios, buscando información acerca del conocimiento de la oferta de servicios por parte de los usuarios.',
   'Resultados de encuesta',
   'in_progress', 'Oficina Asesora de Planeación', '2026-09-01', '2026-12-15',
   'Responder la encuesta', '/encuestas/oferta-de-servicios', '2026-09-01 08:30-05'),
  ('1.2', 1, 2,
   'Encuesta de satisfacción telefónica',
   'Documentar la satisfacción que tienen los usuarios frente a la prestación de servicios de la entidad.',
   'Informe de encuestas telefónicas realizadas',
   'in_progress', 'Atención al Ciudadano', '2026-09-15', '2026-12-11',
   null, null, '2026-09-15 09:00-05'),
  ('1.3', 1, 3,
   'Ejercicio de levantamiento de información interna',
   'Realizar el diagnóstico de cumplimiento de requisitos normativos referentes a la participación ciudadana.',
   'Diagnóstico',
   'done', 'Oficina Asesora de Planeación', '2026-02-02', '2026-03-31',
   null, null, '2026-03-27 16:10-05'),
  ('2.1', 2, 1,
   'Cronograma de rendición de cuentas por medios electrónicos',
   'Definir las actividades a desarrollar y las fechas de cumplimiento con el fin de realizar el ejercicio de rendición de cuentas por medios electrónicos, acorde con el Manual Único de Rendición de Cuentas.',
   'Cronograma de rendición de cuentas',
   'done', 'Oficina Asesora de Planeación', '2026-03-02', '2026-04-30',
   null, null, '2026-04-24 11:45-05'),
  ('2.2', 2, 2,
   'Encuestas de percepción por medios electrónicos',
   'Realizar una encuesta en redes sociales para identificar el alcance que tienen las publicaciones entre los seguidores de la agencia.',
   'Encuesta formulada en herramienta web',
   'done', 'Comunicaciones', '2026-05-04', '2026-06-30',
   'Responder la encuesta', '/encuestas/percepcion-redes', '2026-06-15 10:00-05'),
  ('2.3', 2, 3,
   'Diseño de servicios de registro para boletería de Leones en línea y registro de asesorías de emprendimiento',
   'Diseñar e implementar servicios en línea acordes con el análisis de uso de la entidad.',
   'Servicios en línea habilitados',
   'done', 'Tecnologías de la Información', '2026-04-01', '2026-08-31',
   null, null, '2026-08-28 17:20-05'),
  ('3.1', 3, 1,
   'Ejercicio de gamificación sobre el uso eficiente del papel',
   'Realizar un ejercicio de gamificación para definir la política de uso eficiente del papel.',
   'Resultados del ejercicio y política definida',
   'done', 'Secretaría General', '2026-06-01', '2026-07-31',
   null, null, '2026-07-30 15:00-05'),
  ('3.2', 3, 2,
   'Rendición de cuentas por medios electrónicos',
   'Realizar dos ejercicios de rendición de cuentas por medios electrónicos.',
   'Audiencias públicas realizadas',
   'in_progress', 'Oficina Asesora de Planeación', '2026-08-03', '2026-12-04',
   null, null, '2026-09-25 18:30-05'),
  ('3.3', 3, 3,
   'Evaluación de la rendición de cuentas por medios electrónicos',
   'Realizar la reunión de evaluación y consolidación del informe con la finalidad de verificar las evidencias, informar los resultados e identificar las acciones de mejora necesarias para los ejercicios.',
   'Informes de la rendición de cuentas',
   'pending', 'Oficina Asesora de Planeación', '2026-12-07', '2026-12-18',
   null, null, '2026-02-02 08:00-05'),
  ('4.1', 4, 1,
   'Monitoreo de uso de las redes sociales',
   'Realizar seguimiento y monitoreo a las redes sociales por medio de la identificación del aumento o la disminución de seguidores.',
   'Informe de monitoreo de las redes sociales',
   'in_progress', 'Comunicaciones', '2026-02-02', '2026-12-18',
   null, null, '2026-11-03 09:15-05'),
  ('4.2', 4, 2,
   'Monitoreo a las visitas del sitio web',
   'Realizar seguimiento a la publicación de la información y, adicionalmente, monitorear las visitas al sitio web institucional.',
   'Informe de monitoreo a las visitas del sitio web',
   'in_progress', 'Tecnologías de la Información', '2026-02-02', '2026-12-18',
   null, null, '2026-11-03 09:40-05'),
  ('5.1', 5, 1,
   'Capacitación y sensibilización a ciudadanos sobre la estrategia y los mecanismos de participación habilitados por la entidad',
   'Definir el procedimiento de participación ciudadana por medios electrónicos y publicarlo en el sitio web; de igual forma, definir el plan de participación ciudadana para la vigencia.',
   'Procedimiento documentado',
   'done', 'Atención al Ciudadano', '2026-02-02', '2026-04-30',
   null, null, '2026-04-29 14:00-05'),
  ('5.2', 5, 2,
   'Estrategia de divulgación de la participación a través de redes sociales y sitio web',
   'Publicar en las redes sociales y en el sitio web las invitaciones a diligenciar las encuestas y a participar en los ejercicios que se realicen.',
   'Invitaciones a diligenciar encuestas',
   'in_progress', 'Comunicaciones', '2026-03-02', '2026-12-18',
   null, null, '2026-09-01 10:30-05'),
  ('5.3', 5, 3,
   'Divulgación de la incidencia de la participación',
   'Divulgar los resultados de la participación.',
   'Evidencias de divulgación',
   'pending', 'Comunicaciones', '2026-12-01', '2026-12-22',
   null, null, '2026-02-02 08:00-05');

-- Evidence links only to pages the portal serves today; the rest arrive with their reports.
insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('1.1', 'Encuesta sobre la oferta de servicios publicada', '/encuestas/oferta-de-servicios', '2026-09-01 08:30-05'),
  ('1.2', 'Formulario de la encuesta telefónica de satisfacción', '/encuestas/satisfaccion-telefonica', '2026-09-15 09:00-05'),
  ('2.2', 'Encuesta de percepción publicada en la herramienta web', '/encuestas/percepcion-redes', '2026-06-15 10:00-05'),
  ('2.2', 'Portal de participación con el enlace a la encuesta', '/', '2026-06-16 09:00-05'),
  ('2.3', 'Portal de servicios en línea habilitado', '/', '2026-08-28 17:20-05'),
  ('5.2', 'Invitación a responder la encuesta de percepción en redes', '/encuestas/percepcion-redes', '2026-06-16 11:00-05');

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;

-- CONSENT NOTICE
insert into public.consent_texts (version, purpose, body, published_at) values
  ('encuestas-v1',
   'Analizar las respuestas de las encuestas de participación ciudadana para planear y mejorar los servicios de la agencia.',
   'Aviso de privacidad (Ley 1581 de 2012 y Decreto 1377 de 2013). La agencia, como responsable del tratamiento, '
   || 'recogerá sus respuestas a esta encuesta con la única finalidad de analizar la oferta y la calidad de sus servicios '
   || 'y planear acciones de mejora; los resultados se publican solo de forma agregada. No le pedimos su nombre ni su documento: '
   || 'evite escribir datos personales en las respuestas abiertas. Como titular, usted tiene derecho a conocer, actualizar, '
   || 'rectificar y suprimir sus datos, a solicitar prueba de esta autorización y a revocarla, a través de los canales de '
   || 'Atención al Ciudadano. Consulte la política de tratamiento de datos personales en /datos-personales.',
   '2026-02-02 08:00-05');

-- SURVEYS
-- Open surveys carry no closing date so the demo keeps accepting answers; staff close them.
insert into public.surveys (slug, plan_activity_code, title, description, status, opens_at, closes_at, consent_version, created_at) values
  ('oferta-de-servicios', '1.1',
   'Encuesta sobre la oferta de servicios',
   'Queremos saber qué tanto conoce nuestros servicios, cuáles ha usado y qué problemas ha encontrado, para mejorar la oferta. Le tomará unos 5 minutos.',
   'open', '2026-09-01 08:00-05', null, 'encuestas-v1', '2026-08-25 10:00-05'),
  ('satisfaccion-telefonica', '1.2',
   'Encuesta de satisfacción telefónica',
   'El equipo de Atención al Ciudadano aplica esta encuesta por teléfono a personas que usaron nuestros servicios. Si ya recibió nuestra llamada no necesita responderla de nuevo.',
   'open', '2026-09-15 08:00-05', null, 'encuestas-v1', '2026-09-10 10:00-05'),
  ('percepcion-redes', '2.2',
   'Encuesta de percepción de nuestras redes sociales',
   'Ayúdenos a saber si nuestras publicaciones le llegan y le sirven. Son cuatro preguntas y le tomará unos 2 minutos.',
   'open', '2026-06-15 08:00-05', null, 'encuestas-v1', '2026-06-10 10:00-05');

insert into public.survey_questions (survey_id, key, position, section, type, label, help, required)
select s.id, q.key, q.position, q.section, q.type, q.label, q.help, q.required
from public.surveys s
join (values
  ('oferta-de-servicios', 'servicios_conoce', 1, 'Conocimiento de la oferta', 'multiple_choice',
   '¿Cuáles de estos servicios de la agencia conoce?', 'Marque todos los que conozca.', true),
  ('oferta-de-servicios', 'servicios_usados', 2, 'Conocimiento de la oferta', 'multiple_choice',
   '¿Cuáles ha usado en los últimos 12 meses?', 'Marque todos los que haya usado.', true),
  ('oferta-de-servicios', 'medio_enterado', 3, 'Conocimiento de la oferta', 'single_choice',
   '¿Cómo se enteró de nuestros servicios?', null, true),
  ('oferta-de-servicios', 'calificacion_general', 4, 'Experiencia con los servicios', 'scale_5',
   'En general, ¿cómo califica los servicios que ha recibido de la agencia?', '1 es muy malo y 5 es excelente.', true),
  ('oferta-de-servicios', 'debilidades', 5, 'Experiencia con los servicios', 'multiple_choice',
   '¿Qué problemas ha encontrado al buscar o usar nuestros servicios?', 'Marque todos los que apliquen.', false),
  ('oferta-de-servicios', 'debilidades_detalle', 6, 'Experiencia con los servicios', 'long_text',
   'Cuéntenos con más detalle qué pasó y qué deberíamos mejorar.', 'No escriba datos personales como su documento o su teléfono.', false),
  ('oferta-de-servicios', 'servicio_nuevo', 7, 'Experiencia con los servicios', 'short_text',
   '¿Qué servicio le gustaría que la agencia ofreciera?', null, false),
  ('oferta-de-servicios', 'recomendacion', 8, 'Recomendación y comentarios', 'nps',
   '¿Qué tan probable es que recomiende los servicios de la agencia a un familiar o amigo?', '0 es nada probable y 10 es muy probable.', true),
  ('oferta-de-servicios', 'comentarios', 9, 'Recomendación y comentarios', 'long_text',
   '¿Tiene algún otro comentario o sugerencia?', null, false),

  ('satisfaccion-telefonica', 'servicio_usado', 1, 'El servicio', 'single_choice',
   '¿Qué servicio de la agencia usó más recientemente?', null, true),
  ('satisfaccion-telefonica', 'canal_atencion', 2, 'El servicio', 'single_choice',
   '¿Por qué canal lo atendimos?', null, true),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 3, 'El servicio', 'single_choice',
   '¿Se resolvió su solicitud?', null, true),
  ('satisfaccion-telefonica', 'satisfaccion', 4, 'Su opinión', 'scale_5',
   '¿Qué tan satisfecho quedó con el servicio recibido?', '1 es muy insatisfecho y 5 es muy satisfecho.', true),
  ('satisfaccion-telefonica', 'recomendacion', 5, 'Su opinión', 'nps',
   '¿Qué tan probable es que recomiende la agencia a un familiar o amigo?', '0 es nada probable y 10 es muy probable.', true),
  ('satisfaccion-telefonica', 'razones', 6, 'Su opinión', 'long_text',
   '¿Por qué dio esa calificación?', 'Cuéntenos qué funcionó y qué podemos mejorar.', false),

  ('percepcion-redes', 'redes_sigue', 1, null, 'multiple_choice',
   '¿En cuáles redes sociales sigue a la agencia?', 'Marque todas las que apliquen.', true),
  ('percepcion-redes', 'frecuencia', 2, null, 'single_choice',
   '¿Con qué frecuencia ve nuestras publicaciones?', null, true),
  ('percepcion-redes', 'utilidad', 3, null, 'scale_5',
   '¿Qué tan útil le parece la información que publicamos?', '1 es nada útil y 5 es muy útil.', true),
  ('percepcion-redes', 'contenidos_deseados', 4, null, 'long_text',
   '¿Qué le gustaría ver en nuestras redes sociales?', null, false)
) as q(slug, key, position, section, type, label, help, required) on q.slug = s.slug;

insert into public.survey_question_options (question_id, value, label, position)
select q.id, o.value, o.label, o.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
join (values
  -- The agency's services, shared by several questions.
  ('oferta-de-servicios', 'servicios_conoce', 'boleteria_leones', 'Boletería en línea para los partidos de Leones', 1),
  ('oferta-de-servicios', 'servicios_conoce', 'asesoria_emprendimiento', 'Asesoría a emprendedores', 2),
  ('oferta-de-servicios', 'servicios_conoce', 'capacitaciones', 'Capacitaciones y talleres', 3),
  ('oferta-de-servicios', 'servicios_conoce', 'convocatorias', 'Convocatorias y estímulos para emprendimientos', 4),
  ('oferta-de-servicios', 'servicios_conoce', 'eventos', 'Eventos deportivos, culturales y recreativos', 5),
  ('oferta-de-servicios', 'servicios_conoce', 'atencion_ciudadano', 'Atención al ciudadano (peticiones, quejas, reclamos y sugerencias)', 6),
  ('oferta-de-servicios', 'servicios_conoce', 'ninguno', 'No conozco ninguno', 7),

  ('oferta-de-servicios', 'servicios_usados', 'boleteria_leones', 'Boletería en línea para los partidos de Leones', 1),
  ('oferta-de-servicios', 'servicios_usados', 'asesoria_emprendimiento', 'Asesoría a emprendedores', 2),
  ('oferta-de-servicios', 'servicios_usados', 'capacitaciones', 'Capacitaciones y talleres', 3),
  ('oferta-de-servicios', 'servicios_usados', 'convocatorias', 'Convocatorias y estímulos para emprendimientos', 4),
  ('oferta-de-servicios', 'servicios_usados', 'eventos', 'Eventos deportivos, culturales y recreativos', 5),
  ('oferta-de-servicios', 'servicios_usados', 'atencion_ciudadano', 'Atención al ciudadano (peticiones, quejas, reclamos y sugerencias)', 6),
  ('oferta-de-servicios', 'servicios_usados', 'ninguno', 'No he usado ninguno', 7),

  ('oferta-de-servicios', 'medio_enterado', 'redes_sociales', 'Redes sociales de la agencia', 1),
  ('oferta-de-servicios', 'medio_enterado', 'sitio_web', 'Sitio web de la agencia', 2),
  ('oferta-de-servicios', 'medio_enterado', 'voz_a_voz', 'Por familiares, amigos o conocidos', 3),
  ('oferta-de-servicios', 'medio_enterado', 'medios', 'Radio, prensa o televisión', 4),
  ('oferta-de-servicios', 'medio_enterado', 'punto_atencion', 'En un punto de atención presencial', 5),
  ('oferta-de-servicios', 'medio_enterado', 'evento', 'En un evento o feria', 6),
  ('oferta-de-servicios', 'medio_enterado', 'no_conoce', 'No conocía los servicios', 7),

  ('oferta-de-servicios', 'debilidades', 'informacion_insuficiente', 'La información es insuficiente o difícil de encontrar', 1),
  ('oferta-de-servicios', 'debilidades', 'requisitos', 'Trámites largos o con muchos requisitos', 2),
  ('oferta-de-servicios', 'debilidades', 'demora_respuesta', 'Demora en las respuestas', 3),
  ('oferta-de-servicios', 'debilidades', 'horarios', 'Horarios de atención poco convenientes', 4),
  ('oferta-de-servicios', 'debilidades', 'fallas_en_linea', 'Fallas en los servicios en línea', 5),
  ('oferta-de-servicios', 'debilidades', 'cupos', 'Pocos cupos o boletas disponibles', 6),
  ('oferta-de-servicios', 'debilidades', 'trato', 'Trato poco amable', 7),
  ('oferta-de-servicios', 'debilidades', 'ninguno', 'No he tenido problemas', 8),

  ('satisfaccion-telefonica', 'servicio_usado', 'boleteria_leones', 'Boletería en línea para los partidos de Leones', 1),
  ('satisfaccion-telefonica', 'servicio_usado', 'asesoria_emprendimiento', 'Asesoría a emprendedores', 2),
  ('satisfaccion-telefonica', 'servicio_usado', 'capacitaciones', 'Capacitaciones y talleres', 3),
  ('satisfaccion-telefonica', 'servicio_usado', 'convocatorias', 'Convocatorias y estímulos para emprendimientos', 4),
  ('satisfaccion-telefonica', 'servicio_usado', 'eventos', 'Eventos deportivos, culturales y recreativos', 5),
  ('satisfaccion-telefonica', 'servicio_usado', 'atencion_ciudadano', 'Atención al ciudadano (peticiones, quejas, reclamos y sugerencias)', 6),

  ('satisfaccion-telefonica', 'canal_atencion', 'presencial', 'Presencial', 1),
  ('satisfaccion-telefonica', 'canal_atencion', 'telefono', 'Línea telefónica', 2),
  ('satisfaccion-telefonica', 'canal_atencion', 'correo', 'Correo electrónico', 3),
  ('satisfaccion-telefonica', 'canal_atencion', 'sitio_web', 'Sitio web o servicios en línea', 4),
  ('satisfaccion-telefonica', 'canal_atencion', 'whatsapp', 'WhatsApp', 5),
  ('satisfaccion-telefonica', 'canal_atencion', 'redes_sociales', 'Redes sociales', 6),

  ('satisfaccion-telefonica', 'solicitud_resuelta', 'si', 'Sí, por completo', 1),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 'parcialmente', 'Solo en parte', 2),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 'no', 'No', 3),

  ('percepcion-redes', 'redes_sigue', 'facebook', 'Facebook', 1),
  ('percepcion-redes', 'redes_sigue', 'instagram', 'Instagram', 2),
  ('percepcion-redes', 'redes_sigue', 'x', 'X (antes Twitter)', 3),
  ('percepcion-redes', 'redes_sigue', 'tiktok', 'TikTok', 4),
  ('percepcion-redes', 'redes_sigue', 'whatsapp', 'Canal de WhatsApp', 5),
  ('percepcion-redes', 'redes_sigue', 'youtube', 'YouTube', 6),
  ('percepcion-redes', 'redes_sigue', 'ninguna', 'No sigo a la agencia en redes', 7),

  ('percepcion-redes', 'frecuencia', 'diaria', 'Todos los días', 1),
  ('percepcion-redes', 'frecuencia', 'semanal', 'Varias veces por semana', 2),
  ('percepcion-redes', 'frecuencia', 'mensual', 'Algunas veces al mes', 3),
  ('percepcion-redes', 'frecuencia', 'casi_nunca', 'Casi nunca', 4),
  ('percepcion-redes', 'frecuencia', 'nunca', 'Nunca', 5)
) as o(slug, key, value, label, position) on o.slug = s.slug and o.key = q.key;
